import type { Database } from 'better-sqlite3';
import type { UtcTimestamp } from '../../kernel/time.js';
import * as q from './queries.js';
import type { PreferenceValue } from './types.js';

export type PreferenceTable = 'global' | 'profile';

const SQL = {
  global: { select: q.SELECT_GLOBAL, upsert: q.UPSERT_GLOBAL, remove: q.DELETE_GLOBAL },
  profile: { select: q.SELECT_PROFILE, upsert: q.UPSERT_PROFILE, remove: q.DELETE_PROFILE },
} as const;

/** Values are stored as JSON strings (the column must hold valid JSON); a row that is not a string reads as its JSON text. */
export function readPreference(db: Database, table: PreferenceTable, key: string): PreferenceValue {
  const row = db.prepare(SQL[table].select).get(key) as { valueJson: string } | undefined;
  if (!row) return null;
  const parsed: unknown = JSON.parse(row.valueJson);
  return typeof parsed === 'string' ? parsed : row.valueJson;
}

export function writePreference(db: Database, table: PreferenceTable, key: string, value: PreferenceValue, now: UtcTimestamp): void {
  if (value === null) db.prepare(SQL[table].remove).run(key);
  else db.prepare(SQL[table].upsert).run(key, JSON.stringify(value), now);
}
