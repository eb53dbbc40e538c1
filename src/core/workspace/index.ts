import type { Database } from 'better-sqlite3';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { nowUtc } from '../../kernel/time.js';
import type { DataStore } from '../../platform/db/data-store.js';
import { normalizeProfileName, profileNameKey } from './profile-name.js';
import * as repo from './repo.js';
import type { Profile } from './types.js';

export type { Profile } from './types.js';

/**
 * Creates a profile, makes it the active one, and creates and migrates its database. The database is staged first
 * (a new folder under a fresh id); the row then commits in one transaction, and if that fails the staged folder is
 * removed again, so a failed create leaves neither a row nor files behind.
 */
export function createProfile(store: DataStore, rawName: string): Profile {
  const db = store.global();
  const name = normalizeProfileName(rawName);
  const nameKey = profileNameKey(name);
  assertNameFree(db, nameKey);
  const id = newId('prof');
  store.profile(id);
  try {
    db.transaction(() => {
      assertNameFree(db, nameKey);
      repo.insertActiveProfile(db, { id, name, nameKey, now: nowUtc() });
    }).immediate();
  } catch (error) {
    store.discardProfileFiles(id);
    throw error;
  }
  return repo.findProfile(db, id)!;
}

function assertNameFree(db: Database, nameKey: string): void {
  if (repo.findProfileIdByNameKey(db, nameKey)) {
    throw new AppError('profile_name_exists', 'A profile with this name already exists (names ignore case).');
  }
}

/** Throws `profile_not_found` unless the profile exists. */
export function assertProfileExists(store: DataStore, profileId: string): void {
  if (!repo.profileExists(store.global(), profileId)) {
    throw new AppError('profile_not_found', 'No profile with this id exists.');
  }
}

export { listProfileIds, profileExists } from './repo.js';
