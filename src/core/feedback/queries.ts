/** SQL of the feedback context (profile database): auto_feedback and feedback_notes. */

export const INSERT_FEEDBACK = `
  INSERT INTO auto_feedback
    (id, run_id, attempt_id, created_at, feedback_json_artifact_id, overall_score, analyzer_version, duration_ms, wpm,
     fillers_per_min, top_action_id, pauses, long_pauses, pitch_variability_semitones, wpm_whole_run, key_metrics_version)
  VALUES
    (@id, @runId, @attemptId, @createdAt, @artifactId, @overallScore, @analyzerVersion, @durationMs, @wpm,
     @fillersPerMin, @topActionId, @pauses, @longPauses, @pitchVariabilitySemitones, @wpmWholeRun, 2)`;

/** Rows written before migration 0009, a batch at a time (idx_feedback_key_metrics_pending): the backfill reads them. */
export const SELECT_KEY_METRICS_PENDING = `
  SELECT id, feedback_json_artifact_id AS artifactId FROM auto_feedback WHERE key_metrics_version < 2 ORDER BY id LIMIT ?`;

/**
 * Fills a row's key numbers from its feedback file (NULL where the file could not be read), keeping 0003's numbers
 * that the row already has, and marks it done so that it is never read again.
 */
export const UPDATE_KEY_METRICS = `
  UPDATE auto_feedback SET
    duration_ms = coalesce(duration_ms, @durationMs), wpm = coalesce(wpm, @wpm),
    fillers_per_min = coalesce(fillers_per_min, @fillersPerMin), top_action_id = coalesce(top_action_id, @topActionId),
    pauses = @pauses, long_pauses = @longPauses, pitch_variability_semitones = @pitchVariabilitySemitones,
    wpm_whole_run = @wpmWholeRun, key_metrics_version = 2
  WHERE id = @id AND key_metrics_version < 2`;

export const SELECT_FEEDBACK_ROW = `
  SELECT f.id, f.run_id AS runId, f.attempt_id AS attemptId, f.feedback_json_artifact_id AS artifactId,
         coalesce(r.project_id, a.project_id) AS projectId, a.quest_code AS questCode
  FROM auto_feedback f
  LEFT JOIN runs r ON r.id = f.run_id
  LEFT JOIN quest_attempts a ON a.id = f.attempt_id
  WHERE f.id = ?`;

const TIMELINE_COLUMNS = `
  f.id, f.created_at AS createdAt, f.overall_score AS overallScore, f.run_id AS runId, f.attempt_id AS attemptId,
  a.quest_code AS questCode, n.updated_at AS noteUpdatedAt, f.opened_at AS openedAt`;

/** The whole profile's feedback, newest first (idx_feedback_created). */
export const SELECT_TIMELINE = `
  SELECT ${TIMELINE_COLUMNS}, coalesce(r.project_id, a.project_id) AS projectId
  FROM auto_feedback f
  LEFT JOIN runs r ON r.id = f.run_id
  LEFT JOIN quest_attempts a ON a.id = f.attempt_id
  LEFT JOIN feedback_notes n ON n.feedback_id = f.id
  ORDER BY f.created_at DESC, f.rowid DESC LIMIT ?`;

/** One talk's feedback, newest first: runs and attempts of the talk through their indexes. */
export const SELECT_TIMELINE_OF_PROJECT = `
  SELECT * FROM (
    SELECT ${TIMELINE_COLUMNS}, r.project_id AS projectId, f.rowid AS seq
    FROM runs r JOIN auto_feedback f ON f.run_id = r.id
    LEFT JOIN quest_attempts a ON 0 -- no attempt on this side: its columns read as NULL
    LEFT JOIN feedback_notes n ON n.feedback_id = f.id
    WHERE r.project_id = @projectId
    UNION ALL
    SELECT ${TIMELINE_COLUMNS}, a.project_id, f.rowid
    FROM quest_attempts a JOIN auto_feedback f ON f.attempt_id = a.id
    LEFT JOIN feedback_notes n ON n.feedback_id = f.id
    WHERE a.project_id = @projectId)
  ORDER BY createdAt DESC, seq DESC LIMIT @limit`;

export const SELECT_NOTE = `SELECT note_text AS text, updated_at AS updatedAt FROM feedback_notes WHERE feedback_id = ?`;
export const UPSERT_NOTE = `
  INSERT INTO feedback_notes (feedback_id, note_text, updated_at) VALUES (?, ?, ?)
  ON CONFLICT (feedback_id) DO UPDATE SET note_text = excluded.note_text, updated_at = excluded.updated_at`;
export const DELETE_NOTE = `DELETE FROM feedback_notes WHERE feedback_id = ?`;

/** The key numbers of some feedback, by id (a run list's score, duration and pace); ids come as one JSON array. */
export const SELECT_FEEDBACK_NUMBERS = `
  SELECT id AS feedbackId, overall_score AS overallScore, duration_ms AS durationMs, wpm
  FROM auto_feedback WHERE id IN (SELECT value FROM json_each(?))`;

/** The first time a feedback's review page was shown is kept: a later opening changes nothing. */
export const MARK_FEEDBACK_OPENED = `UPDATE auto_feedback SET opened_at = ? WHERE id = ? AND opened_at IS NULL`;
export const SELECT_FEEDBACK_OPENED_AT = `SELECT opened_at AS openedAt FROM auto_feedback WHERE id = ?`;

/** Every analysis of a run (their notes go with them: ON DELETE CASCADE), answering their files' artifact ids. */
export const DELETE_FEEDBACK_OF_RUN = `DELETE FROM auto_feedback WHERE run_id = ? RETURNING feedback_json_artifact_id AS artifactId`;
