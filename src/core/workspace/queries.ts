/** SQL of the workspace context (global database): profiles. */

export const SELECT_PROFILE_EXISTS = `SELECT 1 AS found FROM profiles WHERE id = ?`;

export const SELECT_PROFILE_IDS_BY_CREATION = `SELECT id FROM profiles ORDER BY created_at, id`;

const PROFILE_COLUMNS = `id, name, created_at, last_opened_at, is_active`;

export const SELECT_PROFILE_BY_ID = `SELECT ${PROFILE_COLUMNS} FROM profiles WHERE id = ?`;

export const SELECT_PROFILES_BY_CREATION = `SELECT ${PROFILE_COLUMNS} FROM profiles ORDER BY created_at, id`;

export const SELECT_NEWEST_PROFILE_ID = `SELECT id FROM profiles ORDER BY created_at DESC, id DESC LIMIT 1`;

export const SELECT_PROFILE_ID_BY_NAME_KEY = `SELECT id FROM profiles WHERE name_key = ?`;

export const DEACTIVATE_ALL_PROFILES = `UPDATE profiles SET is_active = 0 WHERE is_active = 1`;

export const INSERT_ACTIVE_PROFILE = `
  INSERT INTO profiles (id, name, name_key, created_at, last_opened_at, is_active) VALUES (?, ?, ?, ?, ?, 1)`;

/** A profile folder brought back into the list (profile_adopt_unlisted): its own creation time, active or not. */
export const INSERT_PROFILE = `
  INSERT INTO profiles (id, name, name_key, created_at, last_opened_at, is_active) VALUES (?, ?, ?, ?, NULL, ?)`;

export const ACTIVATE_PROFILE = `UPDATE profiles SET is_active = 1, last_opened_at = ? WHERE id = ?`;

export const RENAME_PROFILE = `UPDATE profiles SET name = ?, name_key = ? WHERE id = ?`;

export const DELETE_PROFILE = `DELETE FROM profiles WHERE id = ?`;

/** Talks the speaker created (the hidden training talk is not one of them). Profile database. */
export const COUNT_TALKS = `SELECT count(*) AS n FROM talk_projects WHERE is_training = 0`;
