import type { Database } from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sha256OfFile } from '../../fs/file-hash.js';
import { AppError, isAppError } from '../../../kernel/errors.js';
import { nowUtc, type UtcTimestamp } from '../../../kernel/time.js';
import type { DataLayout } from '../layout.js';
import type { MigrationStep } from '../migration-steps.js';
import type { MigrateOptions } from '../migrator.js';
import { readFileHeader } from '../file-header.js';
import { forgetIntegrityCheck, openOwnedDatabase } from '../open-database.js';
import type { DbScope } from '../scope.js';
import { listSnapshots, type SnapshotEntry } from '../snapshots/snapshot-inventory.js';
import type { PreOpenFacts } from '../snapshots/snapshot-policy.js';
import { verifySnapshotFile } from '../snapshots/verify-snapshot.js';
import { isCorruption, type CorruptionReason } from '../sqlite-failure.js';
import { inspectFilesBeforeOpen } from './damage-before-open.js';
import { clearRecoveryNeeded, readRecoveryNeeded, removeCleanShutdownMarker, writeRecoveryNeeded } from './markers.js';
import { clearRestoreIntent, readRestoreIntent, type RestoreIntent } from './restore-intent.js';
import { restoredSnapshotLacksUserData } from './user-data.js';
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

/**
 * What an automatic recovery did, for the recovery event and the user's notice:
 * - `journal_set_aside`: only the WAL was foreign; it went to quarantine and the intact main file was kept;
 * - `restored`: the database went to quarantine and `restored` took its place;
 * - `no_snapshot`: the database went to quarantine and nothing could take its place.
 */
export interface AutomaticRecovery {
  reason: CorruptionReason;
  outcome: 'journal_set_aside' | 'restored' | 'no_snapshot';
  detectedAt: UtcTimestamp;
  quarantineName: string | null;
  restored: SnapshotEntry | null;
  /** The restored snapshot holds no user data although the damaged file shows there was some. */
  snapshotLacksUserData: boolean;
}

export interface OpenedScope {
  db: Database;
  facts: PreOpenFacts;
  recovery: AutomaticRecovery | null;
  /** An operator restore that was cut short and has now been completed: its event is still to be recorded. */
  completedRestore: RestoreIntent | null;
  /** An operator restore was cut short and could not be completed (its snapshot is gone): the database is as found. */
  abandonedRestore: boolean;
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
  const interrupted = finishInterruptedRestore(request, dbPath);
  const pending = readRecoveryNeeded(dbPath);
  if (pending) throw noSnapshotError(request.label, pending.quarantineName);

  const { facts, damage: damageOnDisk } = inspectFilesBeforeOpen(request.layout, request.scope);
  let damage: CorruptionReason | null = damageOnDisk;

  if (damage === null) {
    const unclean = facts.exists && facts.bytes > 0 && (!facts.cleanShutdown || facts.walBytes > 0);
    try {
      const { db } = openOwnedDatabase(dbPath, openOptions(request, unclean ? 'full' : 'quick'));
      removeCleanShutdownMarker(dbPath);
      return { db, facts, recovery: null, ...interrupted };
    } catch (error) {
      if (!isCorruption(error)) throw error;
      damage = error.reason;
    }
  }
  return { ...recover(request, dbPath, damage, facts, onNoSnapshot), ...interrupted };
}

/**
 * An operator restore leaves a restore-intent note from before its swap until its event is recorded. Found here, the
 * restore was cut short (a crash, a kill): it is completed (the snapshot is put in place unless the file already is
 * that snapshot; a failed state is cleared, as the restore would have) and reported for its event. When its snapshot
 * is gone and the swap had not happened, the database stays as found and the note goes.
 */
function finishInterruptedRestore(request: OpenScopeRequest, dbPath: string): Pick<OpenedScope, 'completedRestore' | 'abandonedRestore'> {
  const intent = readRestoreIntent(dbPath);
  if (intent === null) return { completedRestore: null, abandonedRestore: false };
  const swapped = intent !== 'garbled' && existsSync(dbPath) && sha256OfFile(dbPath).sha256 === intent.sha256;
  if (intent !== 'garbled' && !swapped) {
    const snapshot = listSnapshots(request.layout.backupsDir(request.scope)).find((entry) => entry.name === intent.snapshotName);
    const usable = snapshot && verifySnapshotFile(snapshot.path, { manifest: snapshot.manifest ?? undefined, target: request.scope }).ok;
    if (!usable) {
      clearRestoreIntent(dbPath);
      return { completedRestore: null, abandonedRestore: true };
    }
    replaceDatabaseFile(snapshot.path, dbPath);
  }
  if (intent === 'garbled') {
    clearRestoreIntent(dbPath);
    return { completedRestore: null, abandonedRestore: true };
  }
  clearRecoveryNeeded(dbPath);
  removeCleanShutdownMarker(dbPath);
  return { completedRestore: intent, abandonedRestore: false };
}

type Recovered = Pick<OpenedScope, 'db' | 'facts' | 'recovery'>;

function recover(
  request: OpenScopeRequest,
  dbPath: string,
  reason: CorruptionReason,
  facts: PreOpenFacts,
  onNoSnapshot: (recovery: AutomaticRecovery) => void,
): Recovered {
  const detectedAt = nowUtc();
  const schemaVersion = readFileHeader(dbPath)?.userVersion ?? null;
  const onlyTheJournalIsForeign = reason === 'foreign_wal';
  const quarantineName = quarantineDatabase({ ...quarantineRequestOf(request, dbPath), reason, schemaVersion, keepMainFile: onlyTheJournalIsForeign });
  removeCleanShutdownMarker(dbPath);
  if (onlyTheJournalIsForeign) {
    const db = openMainFileAlone(request, dbPath);
    if (db) {
      return { db, facts, recovery: { reason, outcome: 'journal_set_aside', detectedAt, quarantineName, restored: null, snapshotLacksUserData: false } };
    }
  }
  return restoreNewestSnapshot(request, dbPath, { reason, detectedAt, quarantineName }, facts, onNoSnapshot);
}

/**
 * The foreign WAL has gone to quarantine; the main file, still in place, is the speaker's database as of its last
 * checkpoint, usually newer than any snapshot. It is kept when it passes the full integrity check on its own; otherwise
 * it is removed (quarantine holds its copy) and a snapshot is restored.
 */
function openMainFileAlone(request: OpenScopeRequest, dbPath: string): Database | null {
  try {
    return openOwnedDatabase(dbPath, openOptions(request, 'full')).db;
  } catch (error) {
    if (!isCorruption(error) && !(isAppError(error) && UNUSABLE_ALONE.has(error.code))) throw error;
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
    forgetIntegrityCheck(dbPath);
    return null;
  }
}

/** A main file that, read without its journal, is not a Lectern database this app can open. */
const UNUSABLE_ALONE = new Set(['db_foreign_file', 'db_untracked_schema', 'db_schema_newer', 'migration_continuity_broken', 'migration_checksum_mismatch']);

function restoreNewestSnapshot(
  request: OpenScopeRequest,
  dbPath: string,
  damage: Pick<AutomaticRecovery, 'reason' | 'detectedAt' | 'quarantineName'>,
  facts: PreOpenFacts,
  onNoSnapshot: (recovery: AutomaticRecovery) => void,
): Recovered {
  for (const snapshot of inRecoveryOrder(listSnapshots(request.layout.backupsDir(request.scope)), request.scope)) {
    const verification = verifySnapshotFile(snapshot.path, { manifest: snapshot.manifest ?? undefined, target: request.scope });
    if (!verification.ok || (verification.schemaVersion ?? 0) > request.known.length) continue;
    replaceDatabaseFile(snapshot.path, dbPath);
    try {
      const { db } = openOwnedDatabase(dbPath, openOptions(request, 'full'));
      const damagedPath = damage.quarantineName ? join(request.layout.corruptedDir(request.scope), damage.quarantineName) : null;
      const snapshotLacksUserData = restoredSnapshotLacksUserData(snapshot.path, damagedPath, request.scope);
      return { db, facts, recovery: { ...damage, outcome: 'restored', restored: snapshot, snapshotLacksUserData } };
    } catch (error) {
      if (!isCorruption(error)) throw error;
      // The copy verified but does not open cleanly (it should not happen): set it aside and try an older one.
      quarantineDatabase({ ...quarantineRequestOf(request, dbPath), reason: 'restored_copy_failed', schemaVersion: null });
    }
  }

  const recovery: AutomaticRecovery = { ...damage, outcome: 'no_snapshot', restored: null, snapshotLacksUserData: false };
  writeRecoveryNeeded(dbPath, { reason: damage.reason, detectedAt: damage.detectedAt, quarantineName: damage.quarantineName });
  onNoSnapshot(recovery);
  throw noSnapshotError(request.label, damage.quarantineName);
}

/**
 * Newest first, with `pre-restore` snapshots last: they hold states an operator chose to roll back, which automatic
 * recovery must not bring back while any other snapshot verifies. Snapshots named for another kind of database are
 * never candidates.
 */
function inRecoveryOrder(entries: SnapshotEntry[], scope: DbScope): SnapshotEntry[] {
  const ours = entries.filter((entry) => entry.scope === scope.kind);
  return [...ours.filter((entry) => entry.reason !== 'pre-restore'), ...ours.filter((entry) => entry.reason === 'pre-restore')];
}

function openOptions(request: OpenScopeRequest, integrity: 'quick' | 'full') {
  return { ...request, integrity, profileId: request.scope.kind === 'profile' ? request.scope.profileId : undefined };
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
