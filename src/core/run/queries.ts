/** SQL of the run context (profile database). */

/** A run with its current feedback: the newest auto_feedback row of the run (idx_feedback_run_time). */
const RUN_COLUMNS = `
  r.id, r.project_id AS projectId, r.created_at AS createdAt, r.audio_artifact_id AS audioArtifactId,
  r.transcript_id AS transcriptId,
  (SELECT f.id FROM auto_feedback f WHERE f.run_id = r.id ORDER BY f.created_at DESC, f.rowid DESC LIMIT 1) AS feedbackId`;

export const SELECT_RUN = `SELECT ${RUN_COLUMNS} FROM runs r WHERE r.id = ?`;

export const SELECT_RUNS_OF_PROJECT = `
  SELECT ${RUN_COLUMNS} FROM runs r WHERE r.project_id = ? ORDER BY r.created_at DESC, r.rowid DESC LIMIT ?`;

export const INSERT_RUN = `INSERT INTO runs (id, project_id, created_at) VALUES (?, ?, ?)`;

export const SET_RUN_AUDIO = `UPDATE runs SET audio_artifact_id = ? WHERE id = ?`;

export const SET_RUN_TRANSCRIPT = `UPDATE runs SET transcript_id = ? WHERE id = ?`;

export const CLEAR_RUN_TRANSCRIPT = `UPDATE runs SET transcript_id = NULL WHERE id = ?`;

export const DELETE_RUN = `DELETE FROM runs WHERE id = ?`;

/** Artifacts the run owns, directly or through its feedback and peer reviews. */
export const SELECT_RUN_ARTIFACT_IDS = `
  SELECT audio_artifact_id AS id FROM runs WHERE id = @id AND audio_artifact_id IS NOT NULL
  UNION SELECT transcript_id FROM runs WHERE id = @id AND transcript_id IS NOT NULL
  UNION SELECT feedback_json_artifact_id FROM auto_feedback WHERE run_id = @id
  UNION SELECT review_json_artifact_id FROM peer_reviews WHERE run_id = @id
  UNION SELECT id FROM artifacts WHERE type = 'pack' AND json_extract(metadata_json, '$.runId') = @id`;

/** Whether anything still points at an artifact (checked after the run's rows are gone, before deleting it). */
export const SELECT_ARTIFACT_STILL_REFERENCED = `
  SELECT 1 FROM runs WHERE audio_artifact_id = @id OR transcript_id = @id
  UNION ALL SELECT 1 FROM quest_attempts WHERE audio_artifact_id = @id OR transcript_id = @id
  UNION ALL SELECT 1 FROM auto_feedback WHERE feedback_json_artifact_id = @id
  UNION ALL SELECT 1 FROM peer_reviews WHERE review_json_artifact_id = @id
  UNION ALL SELECT 1 FROM voice_memos WHERE audio_artifact_id = @id
  LIMIT 1`;

export const SELECT_RUN_ID_BY_AUDIO = `SELECT id FROM runs WHERE audio_artifact_id = ? ORDER BY created_at DESC LIMIT 1`;
