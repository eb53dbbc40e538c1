/** SQL of the coach context (profile database): read models over attempts, runs and feedback; no tables of its own. */

/**
 * Every practice session (attempt or run) of the profile, or of one talk, with whether it has feedback. Runs imported
 * with a peer review are someone's review of a rehearsal, not practice: they are left out.
 */
export const SELECT_SESSIONS = `
  SELECT a.created_at AS createdAt, 'attempt' AS kind,
         EXISTS (SELECT 1 FROM auto_feedback f WHERE f.attempt_id = a.id) AS hasFeedback
  FROM quest_attempts a WHERE (@projectId IS NULL OR a.project_id = @projectId)
  UNION ALL
  SELECT r.created_at, 'run', EXISTS (SELECT 1 FROM auto_feedback f WHERE f.run_id = r.id)
  FROM runs r JOIN talk_projects p ON p.id = r.project_id
  WHERE (@projectId IS NULL OR r.project_id = @projectId) AND p.stage <> 'peer_review'`;

/** Feedback of one talk over time (runs and attempts), oldest first. */
export const SELECT_TRENDS_OF_PROJECT = `
  SELECT f.created_at AS at, 'run' AS subject, f.overall_score AS score, f.wpm, f.fillers_per_min AS fillersPerMin
  FROM runs r JOIN auto_feedback f ON f.run_id = r.id WHERE r.project_id = @projectId
  UNION ALL
  SELECT f.created_at, 'attempt', f.overall_score, f.wpm, f.fillers_per_min
  FROM quest_attempts a JOIN auto_feedback f ON f.attempt_id = a.id WHERE a.project_id = @projectId
  ORDER BY at`;

/** Feedback of the whole profile over time, oldest first (idx_feedback_created). */
export const SELECT_TRENDS_OF_PROFILE = `
  SELECT created_at AS at, CASE WHEN run_id IS NULL THEN 'attempt' ELSE 'run' END AS subject, overall_score AS score, wpm,
         fillers_per_min AS fillersPerMin
  FROM auto_feedback ORDER BY created_at`;

export const SELECT_OUTLINE_LENGTH = `SELECT length(trim(outline_md)) AS n FROM talk_outlines WHERE project_id = ?`;
