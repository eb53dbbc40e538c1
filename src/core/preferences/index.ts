import { isPreferenceValueTooLarge, preferenceKeyProblem, PREFERENCE_VALUE_MAX_BYTES } from '../../contracts/preferences.js';
import { AppError } from '../../kernel/errors.js';
import { nowUtc } from '../../kernel/time.js';
import type { DataStore } from '../../platform/db/data-store.js';
import type { ProfileSession } from '../workspace/index.js';
import { readPreference, writePreference, type PreferenceTable } from './repo.js';
import type { PreferenceValue } from './types.js';

export type { PreferenceValue } from './types.js';

export function getGlobalPreference(store: DataStore, rawKey: string): PreferenceValue {
  return readPreference(store.global(), 'global', checkedKey(rawKey));
}

export function setGlobalPreference(store: DataStore, rawKey: string, value: PreferenceValue): void {
  setIn(store.global(), 'global', rawKey, value, nowUtc(store.clock));
}

export function getProfilePreference(session: ProfileSession, rawKey: string): PreferenceValue {
  const key = checkedKey(rawKey);
  return readPreference(session.db, 'profile', key);
}

export function setProfilePreference(session: ProfileSession, rawKey: string, value: PreferenceValue): void {
  setIn(session.db, 'profile', rawKey, value, nowUtc(session.clock));
}

function setIn(db: ReturnType<DataStore['global']>, table: PreferenceTable, rawKey: string, value: PreferenceValue, now: string): void {
  const key = checkedKey(rawKey);
  if (value !== null && isPreferenceValueTooLarge(value)) {
    throw new AppError('preference_value_too_large', `A preference value may hold at most ${PREFERENCE_VALUE_MAX_BYTES / 1024} KiB.`);
  }
  writePreference(db, table, key, value, now);
}

/** Trims, then applies the shared key rules from src/contracts (the same ones the UI applies). */
function checkedKey(rawKey: string): string {
  const key = rawKey.trim();
  const problem = preferenceKeyProblem(key);
  if (problem === 'preference_key_invalid') {
    throw new AppError(problem, 'A preference key needs 1 to 160 characters among letters, digits and . _ : -');
  }
  if (problem === 'preference_key_sensitive_forbidden') {
    throw new AppError(problem, 'Secrets are never stored in Lectern’s databases; this key looks like one and was refused.');
  }
  return key;
}
