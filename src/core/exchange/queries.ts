/** SQL of the exchange context (profile database): peer reviews. */

const COLUMNS = `
  p.id, p.run_id AS runId, r.project_id AS projectId, p.created_at AS createdAt, p.reviewer_tag AS reviewerTag,
  p.review_json_artifact_id AS artifactId`;

export const INSERT_PEER_REVIEW = `
  INSERT INTO peer_reviews (id, run_id, created_at, reviewer_tag, review_json_artifact_id, review_sha256) VALUES (?, ?, ?, ?, ?, ?)`;

/** The review imported with this digest, if any (idx_peer_reviews_digest). */
export const SELECT_PEER_REVIEW_BY_DIGEST = `SELECT ${COLUMNS} FROM peer_reviews p JOIN runs r ON r.id = p.run_id WHERE p.review_sha256 = ?`;

/** One run's peer reviews, newest first (idx_peer_reviews_run_time). */
export const SELECT_PEER_REVIEWS_OF_RUN = `
  SELECT ${COLUMNS} FROM peer_reviews p JOIN runs r ON r.id = p.run_id
  WHERE p.run_id = ? AND r.project_id = ? ORDER BY p.created_at DESC, p.rowid DESC LIMIT ?`;

export const SELECT_PEER_REVIEW = `SELECT ${COLUMNS} FROM peer_reviews p JOIN runs r ON r.id = p.run_id WHERE p.id = ?`;

/** A talk's peer reviews, newest first: its runs (idx_runs_project_time), then each run's reviews (idx_peer_reviews_run_time). */
export const SELECT_PEER_REVIEWS_OF_PROJECT = `
  SELECT ${COLUMNS} FROM runs r JOIN peer_reviews p ON p.run_id = r.id
  WHERE r.project_id = ? ORDER BY p.created_at DESC, p.rowid DESC LIMIT ?`;
