import type { Database } from 'better-sqlite3';
import { AppError } from '../../kernel/errors.js';
import type { Clock } from '../../kernel/clock.js';
import { ArtifactStore } from '../../platform/artifacts/artifact-store.js';
import type { DataStore } from '../../platform/db/data-store.js';
import { assertValidProfileId } from '../../platform/db/layout.js';
import { profileExists } from './repo.js';

/**
 * One profile's context for one command: what every profile-scoped service works on. The command registry opens it
 * once per call (the profile checked to exist there, and only there), so a service never resolves a profile again.
 */
export interface ProfileSession {
  readonly profileId: string;
  /** The profile's database. */
  readonly db: Database;
  /** The profile's stored files (reads and deletes stay inside its folder); built on first use. */
  readonly artifacts: ArtifactStore;
  /** Where "now" comes from: the data store's clock, which tests set. */
  readonly clock: Clock;
  /** The data store, for what is not the profile's own: jobs, staged uploads, global preferences, models. */
  readonly store: DataStore;
}

/** Throws `profile_id_invalid` or `profile_not_found` unless the profile exists. */
export function assertProfileExists(store: DataStore, profileId: string): void {
  assertValidProfileId(profileId);
  if (!profileExists(store.global(), profileId)) {
    throw new AppError('profile_not_found', 'No profile with this id exists.');
  }
}

/** The session of an existing profile (`profile_not_found` otherwise): the one place a profile is resolved. */
export function openProfileSession(store: DataStore, profileId: string): ProfileSession {
  assertProfileExists(store, profileId);
  const db = store.profile(profileId);
  let artifacts: ArtifactStore | null = null;
  return {
    profileId,
    db,
    clock: store.clock,
    store,
    get artifacts() {
      artifacts ??= new ArtifactStore(db, store.layout.profileDir(profileId));
      return artifacts;
    },
  };
}
