import type { Database } from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { AppError } from '../../kernel/errors.js';
import { systemClock, type Clock } from '../../kernel/clock.js';
import { nowUtc } from '../../kernel/time.js';
import { ArtifactStore } from '../artifacts/artifact-store.js';
import { UploadStaging } from '../uploads/upload-staging.js';
import { claimDataDir } from './data-dir-claim.js';
import { DataDirLock } from './data-dir-lock.js';
import { JournalWatch } from './journal-watch.js';
import { DataLayout } from './layout.js';
import { migrationStepsFor } from './migration-steps.js';
import { makeDatabaseFilesPrivate } from './open-database.js';
import { closeCleanly } from './close-cleanly.js';
import { openWithRecovery, type AutomaticRecovery } from './recovery/open-with-recovery.js';
import { recordRecoveryEvent, type RecoveryEvent } from './recovery/recovery-events.js';
import { clearRestoreIntent, restoreIntentPathOf, type RestoreIntent } from './recovery/restore-intent.js';
import { fillProfileIdentityIfMissing } from './profile-identity.js';
import { GLOBAL_SCOPE, profileScope, type DbScope } from './scope.js';
import { sweepStrayTempFiles } from './stray-temp-files.js';
import { toDatabaseError } from './sqlite-failure.js';
import { listSnapshots, type SnapshotEntry } from './snapshots/snapshot-inventory.js';
import type { SnapshotReason } from './snapshots/snapshot-name.js';
import { isIntervalOver, isRunningSnapshotDue, isScheduledSnapshotDue, readSnapshotIntervalHours, type PreOpenFacts } from './snapshots/snapshot-policy.js';
import { takeSnapshotInBackground } from './snapshots/background-snapshot.js';
import { pruneSnapshots } from './snapshots/snapshot-retention.js';
import { takePreMigrationSnapshot, takeSnapshot } from './snapshots/snapshot-service.js';

export interface DataStoreOptions {
  /** Written into snapshot manifests and quarantine notes. */
  appVersion?: string;
  /** Told about problems that must not stop the work (a failed shutdown snapshot, say). */
  onWarning?: (message: string) => void;
  /**
   * What `close()` snapshots. `when-due` (the default, for short CLI processes): only what the schedule says is due,
   * so that ordinary writes never take a full copy each. `when-changed` (the app, `lectern start`): every database
   * whose data changed since its last snapshot, so that quitting the app keeps the session's work.
   */
  shutdownSnapshot?: 'when-due' | 'when-changed';
  /**
   * Told once, in the process where it happened, about each recovery Lectern made on its own (a snapshot restored, a
   * foreign journal set aside, a database that could not be restored): the CLI prints a line, the app logs it. The
   * speaker is also told in the app until they dismiss the notice (recovery_events.acknowledged_at).
   */
  onRecovery?: (event: RecoveryEvent) => void;
  /** How often (at most) a command checks that the WAL it writes to is still the file in the folder; default 1 s. */
  journalCheckEveryMs?: number;
  /** Where the domains' timestamps come from (a talk's updatedAt, a run's createdAt); tests set it. */
  clock?: Clock;
  /**
   * Told each time a profile's database was opened (and migrated) in this process: the app starts there the work that
   * migrations cannot do because it reads files (filling older feedback rows' numbers). It must return at once and do
   * its work later, in small steps; what it throws is reported as a warning and never stops the open.
   */
  afterProfileOpen?: (profileId: string) => void;
}

interface OwnedConnection {
  db: Database;
  scope: DbScope;
  /** `total_changes()` when the last snapshot was taken (or at open): more means data changed since. */
  changesAtLastSnapshot: number;
  /** Notices an outside program deleting the WAL this connection writes to. */
  journal: JournalWatch;
}

/**
 * The owner of a data directory inside one process: holds the single-instance lock and one long-lived connection per
 * database, opened on first use with startup recovery (posture, integrity check, quarantine and restore on corruption,
 * migrations behind a verified pre-migration snapshot, a scheduled snapshot when one is due). Domains receive
 * connections from here; they never open database files themselves. `close()` is the clean shutdown: snapshot what
 * changed, checkpoint, close, mark clean, release the lock.
 */
export class DataStore {
  private readonly connections = new Map<string, OwnedConnection>();
  private closed = false;
  /** Set when corruption was met mid-session: no database is then marked clean at close (see distrustCleanShutdown). */
  private corruptionSeen = false;
  readonly appVersion: string;
  /** The clock every domain stamps its rows with. */
  readonly clock: Clock;
  private readonly warn: (message: string) => void;
  private readonly shutdownSnapshot: 'when-due' | 'when-changed';
  private readonly onRecovery: (event: RecoveryEvent) => void;
  private readonly journalCheckEveryMs: number;
  private readonly afterProfileOpen: (profileId: string) => void;
  private backgroundSnapshot: Promise<SnapshotEntry[]> | null = null;

  private constructor(
    readonly layout: DataLayout,
    private readonly lock: DataDirLock,
    options: DataStoreOptions,
  ) {
    this.appVersion = options.appVersion ?? 'dev';
    this.clock = options.clock ?? systemClock;
    this.warn = options.onWarning ?? (() => {});
    this.shutdownSnapshot = options.shutdownSnapshot ?? 'when-due';
    this.onRecovery = options.onRecovery ?? (() => {});
    this.journalCheckEveryMs = options.journalCheckEveryMs ?? 1000;
    this.afterProfileOpen = options.afterProfileOpen ?? (() => {});
  }

  /** Closed (the process is shutting down): work running in the background stops at its next step. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Creates the data dir if needed (0700) and takes its lock; fails with `data_dir_locked` if another process owns it. */
  static open(root: string, options: DataStoreOptions = {}): DataStore {
    const layout = new DataLayout(root);
    try {
      claimDataDir(layout);
      layout.ensureScopeDirs(GLOBAL_SCOPE);
      const lock = DataDirLock.acquire(layout.lockFile);
      // Half-made copies of killed operations: never the newest truth, and some are full private copies of a database.
      sweepStrayTempFiles(layout, GLOBAL_SCOPE);
      // Uploads nobody imported (a closed tab, a crash) hold voice or packs: they do not outlive a day.
      new UploadStaging(layout.root).sweepAbandoned();
      return new DataStore(layout, lock, options);
    } catch (error) {
      throw toDatabaseError(error, 'The data folder', layout.root);
    }
  }

  global(): Database {
    return this.connection(GLOBAL_SCOPE);
  }

  /** The profile's database; the caller has checked that the profile exists in the global database. */
  profile(profileId: string): Database {
    return this.connection(profileScope(profileId));
  }

  connection(scope: DbScope): Database {
    this.assertOpen();
    const path = this.layout.dbFile(scope);
    const existing = this.connections.get(path);
    if (existing && !existing.journal.isDetached(Date.now(), this.journalCheckEveryMs)) return existing.db;
    try {
      if (existing) return this.saveDetachedJournal(existing);
      return this.openConnection(scope, path);
    } catch (error) {
      throw toDatabaseError(error, labelOf(scope), this.layout.root);
    }
  }

  /**
   * An outside program deleted (or replaced) the WAL this process writes to: everything committed since the last
   * checkpoint lives only in that unlinked file. It is checkpointed into the database at once (SQLite still holds the
   * file), the connection is reopened so a new WAL is linked in the folder, and the event is recorded and told.
   */
  private saveDetachedJournal(owned: OwnedConnection): Database {
    const path = this.layout.dbFile(owned.scope);
    const detectedAt = nowUtc();
    this.connections.delete(path);
    owned.journal.release();
    closeCleanly(path, owned.db);
    const db = this.openConnection(owned.scope, path);
    const event = recordRecoveryEvent(this.global(), {
      scope: owned.scope.kind,
      profileId: owned.scope.kind === 'profile' ? owned.scope.profileId : null,
      reason: 'wal_deleted_while_open',
      outcome: 'journal_saved',
      detectedAt,
      snapshotName: null,
      snapshotCreatedAt: null,
      quarantineName: null,
    });
    this.onRecovery(event);
    return db;
  }

  /**
   * Corruption was met mid-session (a query hit a damaged page): no database is marked clean at close, so the next
   * start runs the full integrity_check and recovery can set the damaged file aside and restore a snapshot.
   */
  distrustCleanShutdown(): void {
    this.corruptionSeen = true;
  }

  private openConnection(scope: DbScope, path: string): Database {
    const globalDb = scope.kind === 'profile' ? this.global() : null;
    this.layout.ensureScopeDirs(scope);
    if (scope.kind === 'profile') sweepStrayTempFiles(this.layout, scope);
    const opened = openWithRecovery(
      {
        layout: this.layout,
        scope,
        label: labelOf(scope),
        known: migrationStepsFor(scope),
        appVersion: this.appVersion,
        beforeMigrate: ({ db, toVersion }) =>
          takePreMigrationSnapshot({ db, scope, backupsDir: this.layout.backupsDir(scope), appVersion: this.appVersion, migratesTo: toVersion }),
      },
      (failed) => globalDb && this.recordAutomaticRecovery(globalDb, scope, failed),
    );
    makeDatabaseFilesPrivate(path);
    if (scope.kind === 'profile') fillProfileIdentityIfMissing(opened.db, globalDb!, scope.profileId);
    const owned: OwnedConnection = { db: opened.db, scope, changesAtLastSnapshot: totalChanges(opened.db), journal: new JournalWatch(`${path}-wal`) };
    this.connections.set(path, owned);
    if (opened.recovery) {
      this.recordAutomaticRecovery(globalDb ?? opened.db, scope, opened.recovery);
      owned.changesAtLastSnapshot = totalChanges(opened.db);
    }
    if (opened.completedRestore) this.recordCompletedRestore(globalDb ?? opened.db, scope, opened.completedRestore);
    if (opened.abandonedRestore) {
      this.warn(`${labelOf(scope)}: a restore was cut short and its snapshot is gone; the database was left as it was.`);
    }
    this.takeScheduledSnapshotIfDue(owned, opened.facts, globalDb ?? opened.db);
    if (scope.kind === 'profile') {
      this.sweepOrphanArtifacts(opened.db, scope.profileId);
      this.tellProfileOpened(scope.profileId);
    } else this.completeInterruptedProfileRestores();
    return opened.db;
  }

  /** A manual (or pre-restore) snapshot of one database, opened first if needed. */
  snapshot(scope: DbScope, reason: SnapshotReason = 'manual'): SnapshotEntry {
    const db = this.connection(scope);
    const owned = this.connections.get(this.layout.dbFile(scope))!;
    const entry = takeSnapshot({ db, scope, backupsDir: this.layout.backupsDir(scope), reason, appVersion: this.appVersion });
    owned.changesAtLastSnapshot = totalChanges(db);
    return entry;
  }

  /**
   * The snapshots of a running app: every open database whose snapshot is due (isRunningSnapshotDue) is snapshotted in
   * a worker thread, one after the other, while requests go on; then retention applies. Failures are warnings: the
   * databases are untouched. Resolves when done; never runs twice at once.
   */
  async takeDueSnapshotsInBackground(now: Date = new Date()): Promise<SnapshotEntry[]> {
    if (this.backgroundSnapshot) return this.backgroundSnapshot;
    this.backgroundSnapshot = this.snapshotDueDatabases(now).finally(() => {
      this.backgroundSnapshot = null;
    });
    return this.backgroundSnapshot;
  }

  /** Waits for a background snapshot in flight, if any (before close(), so the worker's reader is gone). */
  async backgroundSnapshotsSettled(): Promise<void> {
    await this.backgroundSnapshot;
  }

  private async snapshotDueDatabases(now: Date): Promise<SnapshotEntry[]> {
    const taken: SnapshotEntry[] = [];
    for (const owned of [...this.connections.values()]) {
      if (this.closed || !owned.db.open) break;
      const changes = totalChanges(owned.db);
      const newest = listSnapshots(this.layout.backupsDir(owned.scope))[0] ?? null;
      const intervalHours = readSnapshotIntervalHours(this.global());
      if (!isRunningSnapshotDue(changes - owned.changesAtLastSnapshot, newest?.createdAt ?? null, intervalHours, now)) continue;
      try {
        const entry = await takeSnapshotInBackground({
          dbPath: this.layout.dbFile(owned.scope),
          scope: owned.scope,
          backupsDir: this.layout.backupsDir(owned.scope),
          reason: 'scheduled',
          appVersion: this.appVersion,
        });
        // Changes made while the copy ran are not in it: they count towards the next one.
        owned.changesAtLastSnapshot = changes;
        if (owned.db.open) pruneSnapshots(listSnapshots(this.layout.backupsDir(owned.scope)), schemaVersionOf(owned.db));
        taken.push(entry);
      } catch (error) {
        this.warn(`${labelOf(owned.scope)}: the scheduled snapshot failed (${error instanceof AppError ? error.code : 'error'}).`);
      }
    }
    return taken;
  }

  /** Closes one database's connection cleanly (checkpoint, marker), e.g. before its file is replaced or removed. */
  closeScope(scope: DbScope): void {
    const path = this.layout.dbFile(scope);
    const owned = this.connections.get(path);
    if (!owned) return;
    this.connections.delete(path);
    owned.journal.release();
    closeCleanly(path, owned.db);
  }

  closeProfile(profileId: string): void {
    this.closeScope(profileScope(profileId));
  }

  /**
   * Closes a profile's connection and removes its folder. Only ever a folder built from a validated profile id under
   * this data dir's profiles/ (the layout checks the id), never a path from outside.
   */
  discardProfileFiles(profileId: string): void {
    this.closeProfile(profileId);
    try {
      rmSync(this.layout.profileDir(profileId), { recursive: true, force: true });
    } catch {
      // Called after the row is gone: a folder that cannot be removed now only costs disk space; say so, do not fail.
      this.warn('A deleted profile’s folder could not be removed; it can be deleted by hand.');
    }
  }

  /**
   * Clean shutdown: for each database, a snapshot if its data changed since the last one, a WAL checkpoint (TRUNCATE),
   * close, and the clean-shutdown marker; then the lock is released. Profiles first, the global database last.
   * Safe to call twice.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      const ordered = [...this.connections.entries()].sort(([, a], [, b]) => (a.scope.kind === 'global' ? 1 : 0) - (b.scope.kind === 'global' ? 1 : 0));
      for (const [path, owned] of ordered) {
        // One database failing to close cleanly must not leave the others open: each gets its own attempt.
        owned.journal.release();
        try {
          // A database that met corruption gets no snapshot (recovery would prefer it to the older good ones) and no
          // clean marker.
          if (this.corruptionSeen) owned.db.close();
          else {
            this.takeShutdownSnapshotIfChanged(owned);
            closeCleanly(path, owned.db);
          }
        } catch (error) {
          if (owned.db.open) owned.db.close();
          this.warn(`${labelOf(owned.scope)} did not close cleanly (${error instanceof AppError ? error.code : 'error'}); it will be checked in full at the next start.`);
        }
      }
      this.connections.clear();
    } finally {
      this.lock.release();
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new AppError('data_store_closed', 'Lectern is shutting down; try again after it restarts.');
  }

  private recordAutomaticRecovery(globalDb: Database, scope: DbScope, recovery: AutomaticRecovery): void {
    const event = recordRecoveryEvent(globalDb, {
      scope: scope.kind,
      profileId: scope.kind === 'profile' ? scope.profileId : null,
      reason: recovery.reason,
      outcome: recovery.outcome,
      detectedAt: recovery.detectedAt,
      snapshotName: recovery.restored?.name ?? null,
      snapshotCreatedAt: recovery.restored?.createdAt ?? null,
      quarantineName: recovery.quarantineName,
      dataWarning: recovery.snapshotLacksUserData ? 'snapshot_lacks_user_data' : null,
    });
    this.onRecovery(event);
  }

  /**
   * The event of an operator restore, recorded in the same open that put (or found) its snapshot in place: the note
   * goes only once the event is written, so a crash between the two is completed at the next open.
   */
  private recordCompletedRestore(globalDb: Database, scope: DbScope, intent: RestoreIntent): void {
    recordRecoveryEvent(globalDb, {
      scope: scope.kind,
      profileId: scope.kind === 'profile' ? scope.profileId : null,
      reason: 'operator_restore',
      outcome: 'operator_restore',
      snapshotName: intent.snapshotName,
      snapshotCreatedAt: intent.snapshotCreatedAt,
      quarantineName: intent.quarantineName,
    });
    clearRestoreIntent(this.layout.dbFile(scope));
  }

  /**
   * At the first open of the global database (the start of every process that owns the data folder), profiles with a
   * restore that was cut short are opened, which completes the restore and records its event right away rather than
   * whenever that profile is next used.
   */
  private completeInterruptedProfileRestores(): void {
    for (const profileId of this.layout.profileIdsOnDisk()) {
      if (!existsSync(restoreIntentPathOf(this.layout.profileDb(profileId)))) continue;
      try {
        this.profile(profileId);
      } catch (error) {
        this.warn(`A profile’s interrupted restore could not be completed yet (${error instanceof AppError ? error.code : 'error'}).`);
      }
    }
  }

  private tellProfileOpened(profileId: string): void {
    try {
      this.afterProfileOpen(profileId);
    } catch (error) {
      this.warn(`Work started after opening a profile failed (${error instanceof AppError ? error.code : 'error'}); nothing was lost.`);
    }
  }

  /** Files without a row (a crash mid-write, or a restore to an older point) are set aside once over an hour old. */
  private sweepOrphanArtifacts(db: Database, profileId: string): void {
    try {
      const removed = new ArtifactStore(db, this.layout.profileDir(profileId)).sweepOrphans();
      if (removed > 0) this.warn(`Set aside ${removed} stored file(s) that no record referenced, in corrupted/orphan-files/.`);
    } catch (error) {
      this.warn(`The sweep of unreferenced files failed (${error instanceof AppError ? error.code : 'error'}); nothing was lost.`);
    }
  }

  private takeScheduledSnapshotIfDue(owned: OwnedConnection, facts: PreOpenFacts, globalDb: Database): void {
    const newest = listSnapshots(this.layout.backupsDir(owned.scope))[0] ?? null;
    if (!isScheduledSnapshotDue(facts, newest?.createdAt ?? null, readSnapshotIntervalHours(globalDb), new Date())) return;
    this.snapshotQuietly(owned, 'scheduled');
  }

  private takeShutdownSnapshotIfChanged(owned: OwnedConnection): void {
    if (totalChanges(owned.db) <= owned.changesAtLastSnapshot) return;
    if (this.shutdownSnapshot === 'when-due' && !this.isScheduledSnapshotDue(owned)) return;
    this.snapshotQuietly(owned, 'scheduled');
  }

  /** The schedule's interval is over (that the data changed, the caller checked). Works during close(). */
  private isScheduledSnapshotDue(owned: OwnedConnection): boolean {
    const newest = listSnapshots(this.layout.backupsDir(owned.scope))[0] ?? null;
    const globalDb = this.connections.get(this.layout.globalDb)?.db ?? owned.db;
    return isIntervalOver(newest?.createdAt ?? null, readSnapshotIntervalHours(globalDb), new Date());
  }

  /** Scheduled snapshots never stop the work: a failure is reported as a warning and the database is untouched. */
  private snapshotQuietly(owned: OwnedConnection, reason: SnapshotReason): void {
    try {
      takeSnapshot({ db: owned.db, scope: owned.scope, backupsDir: this.layout.backupsDir(owned.scope), reason, appVersion: this.appVersion });
      owned.changesAtLastSnapshot = totalChanges(owned.db);
    } catch (error) {
      this.warn(`${labelOf(owned.scope)}: the ${reason} snapshot failed (${error instanceof AppError ? error.code : 'error'}).`);
    }
  }
}

function labelOf(scope: DbScope): string {
  return scope.kind === 'global' ? 'The global database' : 'The profile database';
}

function schemaVersionOf(db: Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

function totalChanges(db: Database): number {
  return Number(db.prepare('SELECT total_changes() AS n').pluck().get());
}
