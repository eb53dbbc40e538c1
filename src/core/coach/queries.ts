/** SQL of the coach context (profile database): read models over attempts, runs and feedback; no tables of its own. */

/** Practice sessions of one talk (quest attempts and full runs), through the talk's indexes. */
export const SELECT_SESSIONS_OF_PROJECT = `
  SELECT a.created_at AS createdAt, 'attempt' AS kind,
         EXISTS (SELECT 1 FROM auto_feedback f WHERE f.attempt_id = a.id) AS hasFeedback
  FROM quest_attempts a WHERE a.project_id = @projectId
  UNION ALL
  SELECT r.created_at, 'run', EXISTS (SELECT 1 FROM auto_feedback f WHERE f.run_id = r.id)
  FROM runs r JOIN talk_projects p ON p.id = r.project_id
  WHERE r.project_id = @projectId AND p.stage <> 'peer_review'`;

/**
 * The time of every practice session of the profile, newest first: two walks of the created_at indexes, merged. The
 * caller stops reading as soon as the streak and the week are known, so the cost follows recent practice, not history.
 */
export const SELECT_SESSION_TIMES_NEWEST_FIRST = `
  SELECT created_at AS createdAt FROM quest_attempts
  UNION ALL
  SELECT r.created_at FROM runs r JOIN talk_projects p ON p.id = r.project_id WHERE p.stage <> 'peer_review'
  ORDER BY createdAt DESC`;

/**
 * Profile-wide totals, counted from covering indexes: no row is read and no subquery runs per session (reviews
 * imported from peers are not the speaker's practice).
 */
export const COUNT_SESSIONS_OF_PROFILE = `
  SELECT
    (SELECT count(*) FROM quest_attempts) AS attempts,
    (SELECT count(*) FROM runs WHERE project_id NOT IN (SELECT id FROM talk_projects WHERE stage = 'peer_review')) AS runs,
    (SELECT count(DISTINCT attempt_id) FROM auto_feedback WHERE attempt_id IS NOT NULL) AS attemptsWithFeedback,
    (SELECT count(DISTINCT f.run_id) FROM auto_feedback f JOIN runs r ON r.id = f.run_id JOIN talk_projects p ON p.id = r.project_id
     WHERE p.stage <> 'peer_review') AS runsWithFeedback`;

/** Feedback of one talk over time (runs and attempts), oldest first. */
export const SELECT_TRENDS_OF_PROJECT = `
  SELECT f.id AS feedbackId, f.created_at AS at, 'run' AS subject, f.run_id AS runId, f.overall_score AS score, f.wpm,
         f.fillers_per_min AS fillersPerMin, f.duration_ms AS durationMs
  FROM runs r JOIN auto_feedback f ON f.run_id = r.id WHERE r.project_id = @projectId
  UNION ALL
  SELECT f.id, f.created_at, 'attempt', NULL, f.overall_score, f.wpm, f.fillers_per_min, f.duration_ms
  FROM quest_attempts a JOIN auto_feedback f ON f.attempt_id = a.id WHERE a.project_id = @projectId
  ORDER BY at, feedbackId`;

/** Feedback of the whole profile over time, oldest first (idx_feedback_created). */
export const SELECT_TRENDS_OF_PROFILE = `
  SELECT id AS feedbackId, created_at AS at, CASE WHEN run_id IS NULL THEN 'attempt' ELSE 'run' END AS subject,
         run_id AS runId, overall_score AS score, wpm, fillers_per_min AS fillersPerMin, duration_ms AS durationMs
  FROM auto_feedback ORDER BY created_at, id`;

export const SELECT_OUTLINE_LENGTH = `SELECT length(trim(outline_md)) AS n FROM talk_outlines WHERE project_id = ?`;

/**
 * Feedback of the profile made after a time and not opened yet (idx_feedback_created), leaving out reviews imported
 * from peers: what the mascot calls fresh feedback to read.
 */
export const COUNT_UNOPENED_FEEDBACK_SINCE = `
  SELECT count(*) AS n FROM auto_feedback f
  LEFT JOIN runs r ON r.id = f.run_id
  LEFT JOIN talk_projects p ON p.id = r.project_id
  WHERE f.created_at > ? AND f.opened_at IS NULL AND (p.stage IS NULL OR p.stage <> 'peer_review')`;
