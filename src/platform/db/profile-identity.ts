import type { Database } from 'better-sqlite3';
import { AppError } from '../../kernel/errors.js';

/** Who a profile database says it belongs to (`profile_identity`, one row, written by the app). */
export interface ProfileIdentity {
  profileId: string;
  name: string;
  createdAt: string;
}

const HAS_IDENTITY_TABLE = `SELECT 1 AS found FROM sqlite_schema WHERE type = 'table' AND name = 'profile_identity'`;
const SELECT_IDENTITY = `SELECT profile_id AS profileId, name, created_at AS createdAt FROM profile_identity WHERE id = 1`;
const UPSERT_IDENTITY = `
  INSERT INTO profile_identity (id, profile_id, name, created_at) VALUES (1, @profileId, @name, @createdAt)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name`;
/** The global database's row for a profile: where the name of a profile database without identity comes from. */
const SELECT_LISTED_PROFILE = `SELECT id AS profileId, name, created_at AS createdAt FROM profiles WHERE id = ?`;

/** Null for a database without identity (written before it existed, or a snapshot older than it). */
export function readProfileIdentity(db: Database): ProfileIdentity | null {
  if (db.prepare(HAS_IDENTITY_TABLE).get() === undefined) return null;
  return (db.prepare(SELECT_IDENTITY).get() as ProfileIdentity | undefined) ?? null;
}

/** Records (or renames) the profile a database belongs to. The id of an existing identity never changes. */
export function recordProfileIdentity(db: Database, identity: ProfileIdentity): void {
  db.prepare(UPSERT_IDENTITY).run(identity);
}

/**
 * Read-only, before anything writes the file: a database that says it belongs to another profile is refused, so a
 * file copied into the wrong folder is never opened (or migrated) as this profile.
 */
export function assertBelongsToProfile(db: Database, profileId: string): void {
  const identity = readProfileIdentity(db);
  if (!identity || identity.profileId === profileId) return;
  throw new AppError(
    'db_profile_mismatch',
    'This profile folder holds the database of another profile (copied or restored into the wrong folder). It was ' +
      'left unchanged: put it back in its own folder, or restore one of this profile’s snapshots.',
  );
}

/** A database without identity (written before it existed) gets it from the global database's row, if listed. */
export function fillProfileIdentityIfMissing(db: Database, globalDb: Database, profileId: string): void {
  if (readProfileIdentity(db)) return;
  const listed = globalDb.prepare(SELECT_LISTED_PROFILE).get(profileId) as ProfileIdentity | undefined;
  if (listed) recordProfileIdentity(db, listed);
}
