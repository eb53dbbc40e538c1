/** SQL of the preferences context: one key-value table per database (global_settings, profile_settings). */

export const SELECT_GLOBAL = `SELECT value_json AS valueJson FROM global_settings WHERE key = ?`;
export const UPSERT_GLOBAL = `
  INSERT INTO global_settings (key, value_json, updated_at) VALUES (?, ?, ?)
  ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`;
export const DELETE_GLOBAL = `DELETE FROM global_settings WHERE key = ?`;

export const SELECT_PROFILE = `SELECT value_json AS valueJson FROM profile_settings WHERE key = ?`;
export const UPSERT_PROFILE = `
  INSERT INTO profile_settings (key, value_json, updated_at) VALUES (?, ?, ?)
  ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`;
export const DELETE_PROFILE = `DELETE FROM profile_settings WHERE key = ?`;
