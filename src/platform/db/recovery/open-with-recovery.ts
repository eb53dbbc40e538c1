import type { Database } from 'better-sqlite3';
import Sqlite from 'better-sqlite3';
import { AppError } from '../../../kernel/errors.js';
import { nowUtc, type UtcTimestamp } from '../../../kernel/time.js';
import type { DataLayout } from '../layout.js';
import type { MigrationStep } from '../migration-steps.js';
import type { MigrateOptions } from '../migrator.js';
import { openOwnedDatabase } from '../open-database.js';
import type { DbScope } from '../scope.js';
import { listSnapshots, type SnapshotEntry } from '../snapshots/snapshot-inventory.js';
import { readPreOpenFacts, type PreOpenFacts } from '../snapshots/snapshot-policy.js';
import { verifySnapshotFile } from '../snapshots/verify-snapshot.js';
import { isCorruption, type CorruptionReason } from '../sqlite-failure.js';
import { hasCleanShutdownMarker, readRecoveryNeeded, removeCleanShutdownMarker, writeRecoveryNeeded } from './markers.js';
import { quarantineDatabase } from './quarantine.js';
import { replaceDatabaseFile } from './replace-database-file.js';

export interface OpenScopeRequest {
  layout: DataLayout;
  scope: DbScope;
  label: string;
  known: readonly MigrationStep[];
  appVersion: string;
  beforeMigrate: MigrateOptions['beforeMigrate'];
}

/** What an automatic recovery did, for the recovery event and the user's notice. */
export interface AutomaticRecovery {
  reason: CorruptionReason;
  detectedAt: UtcTimestamp;
  quarantineName: string | null;
  restored: SnapshotEntry | null;
}

export interface OpenedScope {
  db: Database;
  facts: PreOpenFacts;
  recovery: AutomaticRecovery | null;
}

/**
 * The first open of a database in a process, with startup recovery:
 * - a database left in the no-snapshot state keeps failing with db_recovery_no_snapshot (never a silent empty one);
 * - a missing or zero-length file where a database existed (a clean-shutdown marker or snapshots say so) is damage;
 * - after an unclean shutdown (no marker, or a non-empty WAL) the full integrity_check runs instead of quick_check;
 * - only corruption (SQLite result codes or a failed check) quarantines; busy, I/O, disk-full and permission errors
 *   propagate with their own codes and touch nothing;
 * - corruption: quarantine db + WAL + SHM, restore the newest snapshot that verifies (walking to older ones), reopen
 *   with the posture checks, run pending migrations.
 * `onNoSnapshot` lets the caller record the failure (in the global database) before the error propagates.
 */
export function openWithRecovery(
  request: OpenScopeRequest,
  onNoSnapshot: (recovery: AutomaticRecovery) => void = () => {},
): OpenedScope {
  const dbPath = request.layout.dbFile(request.scope);
  const pending = readRecoveryNeeded(dbPath);
  if (pending) throw noSnapshotError(request.label, pending.quarantineName);

  const facts = readPreOpenFacts(dbPath, hasCleanShutdownMarker(dbPath));
  const existedBefore = facts.cleanShutdown || listSnapshots(request.layout.backupsDir(request.scope)).length > 0;
  let damage: CorruptionReason | null = null;
  if (!facts.exists && existedBefore) damage = 'database_missing';
  else if (facts.exists && facts.bytes === 0 && existedBefore) damage = 'database_truncated';

  if (damage === null) {
    const unclean = facts.exists && facts.bytes > 0 && (!facts.cleanShutdown || facts.walBytes > 0);
    try {
      const { db } = openOwnedDatabase(dbPath, { ...request, integrity: unclean ? 'full' : 'quick' });
      removeCleanShutdownMarker(dbPath);
      return { db, facts, recovery: null };
    } catch (error) {
      if (!isCorruption(error)) throw error;
      damage = error.reason;
    }
  }
  return recoverFromSnapshot(request, dbPath, damage, facts, onNoSnapshot);
}

function recoverFromSnapshot(
  request: OpenScopeRequest,
  dbPath: string,
  reason: CorruptionReason,
  facts: PreOpenFacts,
  onNoSnapshot: (recovery: AutomaticRecovery) => void,
): OpenedScope {
  const detectedAt = nowUtc();
  const quarantineName = quarantineDatabase({
    dbPath,
    corruptedDir: request.layout.corruptedDir(request.scope),
    scope: request.scope.kind,
    reason,
    appVersion: request.appVersion,
    schemaVersion: readSchemaVersionIfPossible(dbPath),
  });
  removeCleanShutdownMarker(dbPath);

  for (const snapshot of listSnapshots(request.layout.backupsDir(request.scope))) {
    const verification = verifySnapshotFile(snapshot.path, snapshot.manifest);
    if (!verification.ok || (verification.schemaVersion ?? 0) > request.known.length) continue;
    replaceDatabaseFile(snapshot.path, dbPath);
    try {
      const { db } = openOwnedDatabase(dbPath, { ...request, integrity: 'full' });
      return { db, facts, recovery: { reason, detectedAt, quarantineName, restored: snapshot } };
    } catch (error) {
      if (!isCorruption(error)) throw error;
      // The copy verified but does not open cleanly (it should not happen): set it aside and try an older one.
      quarantineDatabase({ ...quarantineRequestOf(request, dbPath), reason: 'restored_copy_failed', schemaVersion: null });
    }
  }

  const recovery: AutomaticRecovery = { reason, detectedAt, quarantineName, restored: null };
  writeRecoveryNeeded(dbPath, { reason, detectedAt, quarantineName });
  onNoSnapshot(recovery);
  throw noSnapshotError(request.label, quarantineName);
}

function quarantineRequestOf(request: OpenScopeRequest, dbPath: string) {
  return {
    dbPath,
    corruptedDir: request.layout.corruptedDir(request.scope),
    scope: request.scope.kind,
    appVersion: request.appVersion,
  };
}

function noSnapshotError(label: string, quarantineName: string | null): AppError {
  const kept = quarantineName ? ` The damaged file is kept in quarantine as ${quarantineName}.` : '';
  return new AppError(
    'db_recovery_no_snapshot',
    `${label} is damaged and no verified snapshot exists to restore it.${kept} ` +
      'Restore a snapshot with `lectern restore`, or start this database over with `lectern reset`.',
  );
}

/** The damaged file may still say which schema version it had; worth noting for forensics, never required. */
function readSchemaVersionIfPossible(dbPath: string): number | null {
  try {
    const db = new Sqlite(dbPath, { readonly: true, fileMustExist: true });
    try {
      return Number(db.pragma('user_version', { simple: true }));
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
