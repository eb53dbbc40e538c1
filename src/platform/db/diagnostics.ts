import type { Database } from 'better-sqlite3';
import { findingsOf } from '../../contracts/diagnostics-findings.js';
import { AppError } from '../../kernel/errors.js';
import type { DataLayout } from './layout.js';
import { fileHeaderMatchesHistory, readMigrationState } from './migration-state.js';
import { inspectFilesBeforeOpen } from './recovery/damage-before-open.js';
import { readRecoveryNeeded } from './recovery/markers.js';
import type { MigrationStep } from './migration-steps.js';
import { openReadOnly, readOnlyFailure } from './read-only-connection.js';
import type { DbScope } from './scope.js';

/**
 * The health of one database, metadata only: counts, versions, check results. Never a path, never row content, so an
 * operator can paste it into a support ticket as it is.
 */
export interface DbDiagnostics {
  scope: 'global' | 'profile';
  /** PRAGMA user_version: the newest applied step's version, kept in the file header by the migrator. */
  schemaVersion: number;
  /** Name of the newest applied step (`0002_quest_catalogue_v1`), null for a database with no history. */
  latestMigration: string | null;
  appliedMigrationCount: number;
  expectedMigrationCount: number;
  continuityOk: boolean;
  continuityError: string | null;
  checksumOk: boolean;
  newerThanApp: boolean;
  /** `ok`, or the first problem the full integrity_check found. */
  integrityCheck: string;
  foreignKeyViolations: number;
  journalMode: string;
  pageCount: number;
  freelistCount: number;
  snapshotCount: number | null;
  newestSnapshotAt: string | null;
  lastRecoveryAt: string | null;
  /** Profile databases: artifact rows whose file is gone from the profile folder (null for the global database). */
  missingArtifactFiles: number | null;
  /** The header carries Lectern's application_id and the newest applied version (false after a `.dump` rebuild). */
  fileHeaderOk: boolean;
  /** The global database: profile folders on disk that it does not list (null for a profile database). */
  unlistedProfileFolders: number | null;
  /** Temp files a killed operation left in this database's folders; the next start sweeps them. Not a problem. */
  strayTempFiles: number;
}

/** Facts that live outside the database file (snapshots, recovery history, other files), supplied by the caller. */
export interface DiagnosticsExtras {
  snapshotCount: number | null;
  newestSnapshotAt: string | null;
  lastRecoveryAt: string | null;
  missingArtifactFiles: number | null;
  unlistedProfileFolders: number | null;
  strayTempFiles: number;
}

/**
 * Computes diagnostics on a separate read-only connection. Problems with the migration history are reported in the
 * result, not thrown; only a file that cannot be read as a Lectern database at all fails (db_not_found,
 * db_foreign_file, db_corrupt, db_interrupted_write...), with the same rule the opener applies to the same files.
 */
export function diagnoseDatabase(layout: DataLayout, scope: DbScope, known: readonly MigrationStep[], extras: DiagnosticsExtras): DbDiagnostics {
  const label = scope.kind === 'global' ? 'The global database' : 'The profile database';
  const path = layout.dbFile(scope);
  const pending = readRecoveryNeeded(path);
  if (pending) {
    throw new AppError(
      'db_recovery_no_snapshot',
      `${label} was found damaged on ${pending.detectedAt} and no verified snapshot could restore it; it is unavailable ` +
        'until a snapshot is restored (`lectern restore`) or it is reset (`lectern reset`).',
    );
  }
  const { damage } = inspectFilesBeforeOpen(layout, scope);
  if (damage) {
    throw new AppError(
      'db_corrupt',
      `${label}'s file is ${damage === 'database_missing' ? 'missing' : 'empty'}, although a database existed there ` +
        '(its snapshots or its last clean shutdown say so); it will be restored from its newest snapshot the next time Lectern opens it.',
    );
  }
  const db = openReadOnly(path, label);
  try {
    return { scope: scope.kind, ...readSchemaFacts(db, known), ...readFileFacts(db), ...extras };
  } catch (error) {
    throw readOnlyFailure(error, label, path);
  } finally {
    db.close();
  }
}

function readSchemaFacts(db: Database, known: readonly MigrationStep[]) {
  const state = readMigrationState(db, known);
  const latest = state.applied[state.applied.length - 1];
  return {
    schemaVersion: Number(db.pragma('user_version', { simple: true })),
    latestMigration: latest?.name ?? null,
    appliedMigrationCount: state.applied.length,
    expectedMigrationCount: known.length,
    continuityOk: state.continuityOk,
    continuityError: state.continuityError,
    checksumOk: state.checksumOk,
    newerThanApp: state.newerThanApp,
    fileHeaderOk: fileHeaderMatchesHistory(db, state),
  };
}

function readFileFacts(db: Database) {
  const integrity = db.pragma('integrity_check(1)') as Array<{ integrity_check: string }>;
  const violations = db.pragma('foreign_key_check') as unknown[];
  return {
    integrityCheck: integrity[0]?.integrity_check ?? 'no result',
    foreignKeyViolations: violations.length,
    journalMode: String(db.pragma('journal_mode', { simple: true })).toLowerCase(),
    pageCount: Number(db.pragma('page_count', { simple: true })),
    freelistCount: Number(db.pragma('freelist_count', { simple: true })),
  };
}

/** A report is clean when nothing in it needs an operator (`findingsOf`, the rule every client shares). */
export function isCleanReport(report: DbDiagnostics): boolean {
  return findingsOf(report).length === 0;
}
