import Database from 'better-sqlite3';
import { sha256OfFile } from '../../fs/file-hash.js';
import { LECTERN_APPLICATION_ID } from '../application-id.js';
import { readMigrationState } from '../migration-state.js';
import { migrationStepsFor } from '../migration-steps.js';
import { readProfileIdentity } from '../profile-identity.js';
import type { DbScope } from '../scope.js';
import type { SnapshotManifest } from './snapshot-inventory.js';

export interface SnapshotVerification {
  ok: boolean;
  /** Why it failed, in words safe to show (no paths). */
  problem: string | null;
  /** It is a sound Lectern snapshot, but of another database than the one it is meant for. */
  wrongDatabase: boolean;
  schemaVersion: number | null;
  latestMigration: string | null;
  bytes: number;
  sha256: string;
}

/** What a snapshot must match: the manifest written beside it (when there is one) and the database it is for. */
export interface SnapshotExpectation {
  manifest?: Pick<SnapshotManifest, 'bytes' | 'sha256'> & Partial<Pick<SnapshotManifest, 'scope' | 'profileId'>>;
  /** The database the snapshot is meant to restore. */
  target: DbScope;
}

/**
 * A snapshot is usable only if it opens read-only, passes quick_check, carries Lectern's application_id and has a
 * readable migration history, (when a manifest recorded them) still has the recorded size and sha256, and belongs
 * to the target database: the manifest's scope and profile id, the file's history (a global database's steps are not a
 * profile's) and, for a profile, the id its own database records. A snapshot of another database is refused before
 * anything is touched, whichever folder it was put in.
 */
export function verifySnapshotFile(path: string, expectation: SnapshotExpectation): SnapshotVerification {
  const { sha256, bytes } = sha256OfFile(path);
  const result = (problem: string | null, details: Partial<SnapshotVerification> = {}): SnapshotVerification => ({
    ok: problem === null,
    problem,
    wrongDatabase: false,
    schemaVersion: null,
    latestMigration: null,
    bytes,
    sha256,
    ...details,
  });
  const { manifest, target } = expectation;
  if (manifest && (manifest.bytes !== bytes || manifest.sha256 !== sha256)) {
    return result('its content changed since it was taken (size or sha256 differs from its manifest)');
  }
  if (manifest && !manifestNamesTarget(manifest, target)) return result(WRONG_DATABASE, { wrongDatabase: true });
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const check = (db.pragma('quick_check') as Array<{ quick_check: string }>)[0]?.quick_check;
    if (check !== 'ok') return result('its structural check (quick_check) failed');
    if (Number(db.pragma('application_id', { simple: true })) !== LECTERN_APPLICATION_ID) {
      return result('it is not a Lectern database');
    }
    const latest = db.prepare('SELECT name FROM schema_migrations ORDER BY version DESC LIMIT 1').get() as
      | { name: string }
      | undefined;
    if (!contentBelongsTo(db, target)) return result(WRONG_DATABASE, { wrongDatabase: true });
    return result(null, { schemaVersion: Number(db.pragma('user_version', { simple: true })), latestMigration: latest?.name ?? null });
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    return result(`it cannot be read as a database (${code})`);
  } finally {
    db?.close();
  }
}

const WRONG_DATABASE = 'it is a snapshot of another database (the global one, or another profile’s)';

/** Manifests written before they carried the scope or profile id say nothing against the target. */
function manifestNamesTarget(manifest: NonNullable<SnapshotExpectation['manifest']>, target: DbScope): boolean {
  if (manifest.scope !== undefined && manifest.scope !== target.kind) return false;
  if (target.kind === 'profile' && manifest.profileId) return manifest.profileId === target.profileId;
  return true;
}

/** Its history is (a prefix of, or newer than) this kind of database's, and a profile's names this profile. */
function contentBelongsTo(db: Database.Database, target: DbScope): boolean {
  const state = readMigrationState(db, migrationStepsFor(target));
  if (state.isUntracked || (!state.newerThanApp && (!state.continuityOk || !state.checksumOk))) return false;
  if (target.kind === 'global') return true;
  const identity = readProfileIdentity(db);
  return identity === null || identity.profileId === target.profileId;
}
