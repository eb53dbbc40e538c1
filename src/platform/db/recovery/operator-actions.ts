import Sqlite from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { AppError } from '../../../kernel/errors.js';
import { nowUtc } from '../../../kernel/time.js';
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
import { crashPoint } from './crash-point.js';
import { writeRestoreIntent } from './restore-intent.js';
import { closeCleanly } from '../close-cleanly.js';
import { quarantineDatabase } from './quarantine.js';
import { listRecoveryEvents, recordRecoveryEvent, type RecoveryEvent } from './recovery-events.js';
import { replaceDatabaseFile } from './replace-database-file.js';

export interface RestoreResult {
  restored: SnapshotEntry;
  /** The snapshot of the restored state, newest of all, taken right after the restore (null if it failed). */
  postRestore: SnapshotEntry | null;
  /** The snapshot of the database as it was just before the restore, when it could still be read. */
  preRestore: SnapshotEntry | null;
  /** Where the replaced database went when it could not be snapshotted first. */
  quarantineName: string | null;
  event: RecoveryEvent;
}

/**
 * Operator restore of one database from a named snapshot, under the data-dir lock the store holds:
 * 1. verify the snapshot, and that it is this database's (refused before anything is touched);
 * 2. keep the current database: a `pre-restore` snapshot when it still opens, else quarantine;
 * 3. write the restore intent, then swap the file atomically: from here a crash is completed at the next open;
 * 4. reopen through the normal path (posture, checks, migrations), which records the event and clears the intent;
 * 5. take a `post-restore` snapshot, so that automatic recovery, which restores the newest snapshot, brings back the
 *    state the operator chose and never a newer one they rolled back; then apply retention.
 */
export function restoreSnapshot(store: DataStore, scope: DbScope, snapshotName: string): RestoreResult {
  const appVersion = store.appVersion;
  const snapshot = findSnapshot(store, scope, snapshotName);
  const sha256 = assertRestorable(snapshot, scope);
  store.closeScope(scope);
  const dbPath = store.layout.dbFile(scope);
  const preRestore = readRecoveryNeeded(dbPath) ? null : snapshotCurrentIfReadable(store, scope, appVersion);
  // Without a pre-restore snapshot, the current files go to quarantine; with one, the atomic swap below replaces them.
  const quarantineName = preRestore ? null : quarantineDatabase({ ...quarantineTarget(store, scope, appVersion), reason: 'replaced_by_restore' });

  writeRestoreIntent(dbPath, { snapshotName: snapshot.name, snapshotCreatedAt: snapshot.createdAt, sha256, quarantineName, startedAt: nowUtc() });
  crashPoint('restore-before-swap');
  replaceDatabaseFile(snapshot.path, dbPath);
  crashPoint('restore-after-swap');
  const db = store.connection(scope);
  const event = listRecoveryEvents(store.global(), scope.kind === 'profile' ? scope.profileId : undefined, 1)[0]!;
  const postRestore = snapshotRestoredState(store, scope);
  // Retention runs only now: pruning before the swap could delete the very snapshot being restored.
  pruneSnapshots(listSnapshots(store.layout.backupsDir(scope)), Number(db.pragma('user_version', { simple: true })));
  return { restored: snapshot, preRestore, postRestore, quarantineName, event };
}

/** Returns the snapshot's sha256 once it is known to be a sound snapshot of this very database, that this app opens. */
function assertRestorable(snapshot: SnapshotEntry, scope: DbScope): string {
  const verification = verifySnapshotFile(snapshot.path, { manifest: snapshot.manifest ?? undefined, target: scope });
  if (verification.wrongDatabase || snapshot.scope !== scope.kind) {
    throw new AppError(
      'snapshot_wrong_database',
      `The snapshot ${snapshot.name} belongs to another database (the global one, or another profile’s); nothing was changed.`,
    );
  }
  if (!verification.ok) {
    throw new AppError('snapshot_invalid', `The snapshot ${snapshot.name} cannot be used: ${verification.problem}. Nothing was changed.`);
  }
  if ((verification.schemaVersion ?? 0) > migrationStepsFor(scope).length) {
    throw new AppError('db_schema_newer', `The snapshot ${snapshot.name} was written by a newer Lectern; update Lectern to restore it. Nothing was changed.`);
  }
  return verification.sha256;
}

/** A failed post-restore snapshot does not undo the restore: the pre-restore ranking still protects recovery. */
function snapshotRestoredState(store: DataStore, scope: DbScope): SnapshotEntry | null {
  try {
    return store.snapshot(scope, 'post-restore');
  } catch {
    return null;
  }
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
    return createSnapshot({ db, scope, backupsDir: store.layout.backupsDir(scope), reason: 'pre-restore', appVersion });
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
