/** SQL of the voice memo context (profile database). */

const MEMO_COLUMNS = `
  id, title, audio_artifact_id AS audioArtifactId, duration_ms AS durationMs, created_at AS createdAt,
  updated_at AS updatedAt`;

export const SELECT_MEMO = `SELECT ${MEMO_COLUMNS} FROM voice_memos WHERE id = ?`;

/** Newest first, through idx_voice_memos_created (the rowid breaks ties of the same millisecond). */
export const SELECT_MEMOS_NEWEST_FIRST = `
  SELECT ${MEMO_COLUMNS} FROM voice_memos ORDER BY created_at DESC, rowid DESC LIMIT ?`;

export const INSERT_MEMO = `
  INSERT INTO voice_memos (id, title, audio_artifact_id, duration_ms, created_at, updated_at)
  VALUES (@id, @title, @audioArtifactId, @durationMs, @createdAt, @createdAt)`;

export const RENAME_MEMO = `UPDATE voice_memos SET title = ?, updated_at = ? WHERE id = ?`;

export const DELETE_MEMO = `DELETE FROM voice_memos WHERE id = ?`;
