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

/** The numbers each trend point reads from a feedback row (f): 0003's and 0009's key metrics. */
const TREND_NUMBERS = `f.overall_score AS score, f.wpm, f.wpm_whole_run AS wpmWholeRun, f.fillers_per_min AS fillersPerMin,
  f.duration_ms AS durationMs, f.long_pauses AS longPauses, f.pitch_variability_semitones AS pitchVariabilitySemitones`;

/**
 * Feedback of one talk over time (runs and attempts), oldest first. A run is measured against its talk's target
 * duration; a quest attempt has no talk target.
 */
export const SELECT_TRENDS_OF_PROJECT = `
  SELECT f.id AS feedbackId, f.created_at AS at, 'run' AS subject, f.run_id AS runId, ${TREND_NUMBERS},
         p.duration_target_sec AS targetDurationSec
  FROM runs r JOIN auto_feedback f ON f.run_id = r.id JOIN talk_projects p ON p.id = r.project_id
  WHERE r.project_id = @projectId
  UNION ALL
  SELECT f.id, f.created_at, 'attempt', NULL, ${TREND_NUMBERS}, NULL
  FROM quest_attempts a JOIN auto_feedback f ON f.attempt_id = a.id WHERE a.project_id = @projectId
  ORDER BY at, feedbackId`;

/** Feedback of the whole profile over time, oldest first (idx_feedback_created). */
export const SELECT_TRENDS_OF_PROFILE = `
  SELECT f.id AS feedbackId, f.created_at AS at, CASE WHEN f.run_id IS NULL THEN 'attempt' ELSE 'run' END AS subject,
         f.run_id AS runId, ${TREND_NUMBERS}, p.duration_target_sec AS targetDurationSec
  FROM auto_feedback f
  LEFT JOIN runs r ON r.id = f.run_id
  LEFT JOIN talk_projects p ON p.id = r.project_id
  ORDER BY f.created_at, f.id`;

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
