import Sqlite from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { AppError } from '../../../kernel/errors.js';
import type { DataStore } from '../data-store.js';
import { migrationStepsFor } from '../migration-steps.js';
import { openOwnedDatabase } from '../open-database.js';
import type { DbScope } from '../scope.js';
import { listSnapshots, type SnapshotEntry } from '../snapshots/snapshot-inventory.js';
import { parseSnapshotName } from '../snapshots/snapshot-name.js';
import { createSnapshot } from '../snapshots/create-snapshot.js';
import { pruneSnapshots } from '../snapshots/snapshot-retention.js';
import { verifySnapshotFile } from '../snapshots/verify-snapshot.js';
import { clearRecoveryNeeded, readRecoveryNeeded, removeCleanShutdownMarker } from './markers.js';
import { closeCleanly } from '../close-cleanly.js';
import { quarantineDatabase } from './quarantine.js';
import { recordRecoveryEvent, type RecoveryEvent } from './recovery-events.js';
import { replaceDatabaseFile } from './replace-database-file.js';

export interface RestoreResult {
  restored: SnapshotEntry;
  /** The snapshot of the database as it was just before the restore, when it could still be read. */
  preRestore: SnapshotEntry | null;
  /** Where the replaced database went when it could not be snapshotted first. */
  quarantineName: string | null;
  event: RecoveryEvent;
}

/**
 * Operator restore of one database from a named snapshot, under the data-dir lock the store holds:
 * verify the snapshot; keep the current database (a `pre-restore` snapshot when it still opens, else quarantine);
 * swap the file atomically; clear a no-snapshot state; reopen through the normal path (posture, checks, migrations);
 * record a recovery event.
 */
export function restoreSnapshot(store: DataStore, scope: DbScope, snapshotName: string): RestoreResult {
  const appVersion = store.appVersion;
  const snapshot = findSnapshot(store, scope, snapshotName);
  const verification = verifySnapshotFile(snapshot.path, snapshot.manifest);
  if (!verification.ok) {
    throw new AppError('snapshot_invalid', `The snapshot ${snapshot.name} cannot be used: ${verification.problem}.`);
  }
  if ((verification.schemaVersion ?? 0) > migrationStepsFor(scope).length) {
    throw new AppError('db_schema_newer', `The snapshot ${snapshot.name} was written by a newer Lectern; update Lectern to restore it.`);
  }
  store.closeScope(scope);
  const dbPath = store.layout.dbFile(scope);
  const preRestore = readRecoveryNeeded(dbPath) ? null : snapshotCurrentIfReadable(store, scope, appVersion);
  // Without a pre-restore snapshot, the current files go to quarantine; with one, the atomic swap below replaces them.
  const quarantineName = preRestore ? null : quarantineDatabase({ ...quarantineTarget(store, scope, appVersion), reason: 'replaced_by_restore' });

  replaceDatabaseFile(snapshot.path, dbPath);
  clearRecoveryNeeded(dbPath);
  removeCleanShutdownMarker(dbPath);
  const db = store.connection(scope);
  // Retention runs only now: pruning before the swap could delete the very snapshot being restored.
  pruneSnapshots(listSnapshots(store.layout.backupsDir(scope)), Number(db.pragma('user_version', { simple: true })));
  const event = recordRecoveryEvent(store.global(), {
    scope: scope.kind,
    profileId: scope.kind === 'profile' ? scope.profileId : null,
    reason: 'operator_restore',
    outcome: 'operator_restore',
    snapshotName: snapshot.name,
    snapshotCreatedAt: snapshot.createdAt,
    quarantineName,
  });
  return { restored: snapshot, preRestore, quarantineName, event };
}

/**
 * Operator reset: the acknowledged loss of one database. The current files (if any) go to quarantine, a new empty
 * database is created and migrated, and the loss is recorded as a recovery event.
 */
export function resetDatabase(store: DataStore, scope: DbScope): RecoveryEvent {
  const appVersion = store.appVersion;
  store.closeScope(scope);
  const dbPath = store.layout.dbFile(scope);
  const pending = readRecoveryNeeded(dbPath);
  const quarantineName = quarantineDatabase({ ...quarantineTarget(store, scope, appVersion), reason: 'operator_reset' });
  clearRecoveryNeeded(dbPath);
  removeCleanShutdownMarker(dbPath);
  store.layout.ensureScopeDirs(scope);
  // Created here rather than through store.connection(): a missing file with snapshots beside it would be restored.
  const { db } = openOwnedDatabase(dbPath, { label: 'The database', known: migrationStepsFor(scope) });
  closeCleanly(dbPath, db);
  return recordRecoveryEvent(store.global(), {
    scope: scope.kind,
    profileId: scope.kind === 'profile' ? scope.profileId : null,
    reason: pending?.reason ?? 'operator_reset',
    outcome: 'operator_reset',
    snapshotName: null,
    snapshotCreatedAt: null,
    quarantineName: quarantineName ?? pending?.quarantineName ?? null,
  });
}

function findSnapshot(store: DataStore, scope: DbScope, name: string): SnapshotEntry {
  const found = parseSnapshotName(name) && listSnapshots(store.layout.backupsDir(scope)).find((entry) => entry.name === name);
  if (!found) throw new AppError('snapshot_not_found', `There is no snapshot named ${JSON.stringify(name)} for this database.`);
  return found;
}

/** A pre-restore snapshot of the current database, or null when it does not exist or cannot be read. */
function snapshotCurrentIfReadable(store: DataStore, scope: DbScope, appVersion: string): SnapshotEntry | null {
  const dbPath = store.layout.dbFile(scope);
  if (!existsSync(dbPath)) return null;
  let db: Sqlite.Database | undefined;
  try {
    db = new Sqlite(dbPath, { fileMustExist: true });
    if (db.pragma('quick_check', { simple: true }) !== 'ok') return null;
    return createSnapshot({ db, scope: scope.kind, backupsDir: store.layout.backupsDir(scope), reason: 'pre-restore', appVersion });
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

function quarantineTarget(store: DataStore, scope: DbScope, appVersion: string) {
  return {
    dbPath: store.layout.dbFile(scope),
    corruptedDir: store.layout.corruptedDir(scope),
    scope: scope.kind,
    appVersion,
    schemaVersion: null,
  };
}
