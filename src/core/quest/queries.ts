/** SQL of the quest context (profile database): the catalogue and the attempts. */

const QUEST_COLUMNS = `
  code, category, output_type AS outputType, estimated_sec AS estimatedSec, targets_issues_json AS targetsIssuesJson,
  title_en AS titleEn, title_fr AS titleFr, prompt_en AS promptEn, prompt_fr AS promptFr, sort_order AS sortOrder`;

export const SELECT_ACTIVE_QUESTS = `SELECT ${QUEST_COLUMNS} FROM quests WHERE retired = 0 ORDER BY sort_order, code`;

export const SELECT_QUEST = `SELECT ${QUEST_COLUMNS} FROM quests WHERE code = ?`;

/** An attempt with its current feedback: the newest auto_feedback row of the attempt (idx_feedback_attempt_time). */
const ATTEMPT_COLUMNS = `
  a.id, a.project_id AS projectId, a.quest_code AS questCode, a.created_at AS createdAt, a.output_text AS outputText,
  a.audio_artifact_id AS audioArtifactId, a.transcript_id AS transcriptId,
  (SELECT f.id FROM auto_feedback f WHERE f.attempt_id = a.id ORDER BY f.created_at DESC, f.rowid DESC LIMIT 1) AS feedbackId`;

export const SELECT_ATTEMPT = `SELECT ${ATTEMPT_COLUMNS} FROM quest_attempts a WHERE a.id = ?`;

export const SELECT_ATTEMPT_BY_AUDIO = `SELECT ${ATTEMPT_COLUMNS} FROM quest_attempts a WHERE a.audio_artifact_id = ?`;

export const SELECT_ATTEMPTS_OF_PROJECT = `
  SELECT ${ATTEMPT_COLUMNS} FROM quest_attempts a WHERE a.project_id = ? ORDER BY a.created_at DESC, a.rowid DESC LIMIT ?`;

export const SELECT_LATEST_ATTEMPT_PER_QUEST = `
  SELECT ${ATTEMPT_COLUMNS} FROM quest_attempts a
  WHERE a.project_id = ? AND a.rowid = (
    SELECT b.rowid FROM quest_attempts b WHERE b.project_id = a.project_id AND b.quest_code = a.quest_code
    ORDER BY b.created_at DESC, b.rowid DESC LIMIT 1)`;

export const INSERT_ATTEMPT = `
  INSERT INTO quest_attempts (id, project_id, quest_code, created_at, output_text, audio_artifact_id, transcript_id)
  VALUES (@id, @projectId, @questCode, @createdAt, @outputText, @audioArtifactId, @transcriptId)`;

export const SET_ATTEMPT_TRANSCRIPT = `UPDATE quest_attempts SET transcript_id = ? WHERE id = ?`;

/** The top actions of the profile's most recent analyses (idx_feedback_created). */
export const SELECT_RECENT_TOP_ACTIONS = `
  SELECT top_action_id AS actionId FROM auto_feedback ORDER BY created_at DESC, rowid DESC LIMIT ?`;

/** When each quest was last attempted on a talk. */
export const SELECT_LAST_ATTEMPT_PER_QUEST = `
  SELECT quest_code AS questCode, max(created_at) AS lastAt FROM quest_attempts WHERE project_id = ? GROUP BY quest_code`;

/** Practice since the newest full run of the profile (all attempts when there was no run yet). */
export const COUNT_ATTEMPTS_SINCE_LAST_RUN = `
  SELECT count(*) AS n FROM quest_attempts
  WHERE created_at > coalesce((SELECT created_at FROM runs ORDER BY created_at DESC LIMIT 1), '')`;
