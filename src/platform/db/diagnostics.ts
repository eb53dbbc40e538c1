import type { Database } from 'better-sqlite3';
import { AppError } from '../../kernel/errors.js';
import { readMigrationState } from './migration-state.js';
import { readRecoveryNeeded } from './recovery/markers.js';
import type { MigrationStep } from './migration-steps.js';
import { openReadOnly } from './read-only-connection.js';
import { toDatabaseError } from './sqlite-failure.js';

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
}

/** Facts that live outside the database file (snapshots, recovery history, artifact files), supplied by the caller. */
export interface DiagnosticsExtras {
  snapshotCount: number | null;
  newestSnapshotAt: string | null;
  lastRecoveryAt: string | null;
  missingArtifactFiles: number | null;
}

const NO_EXTRAS: DiagnosticsExtras = { snapshotCount: null, newestSnapshotAt: null, lastRecoveryAt: null, missingArtifactFiles: null };

/**
 * Computes diagnostics on a separate read-only connection. Problems with the migration history are reported in the
 * result, not thrown; only a file that cannot be read as a Lectern database at all fails (db_not_found,
 * db_foreign_file, db_corrupt, ...).
 */
export function diagnoseDatabase(
  path: string,
  scope: DbDiagnostics['scope'],
  known: readonly MigrationStep[],
  extras: DiagnosticsExtras = NO_EXTRAS,
): DbDiagnostics {
  const label = scope === 'global' ? 'The global database' : 'The profile database';
  const pending = readRecoveryNeeded(path);
  if (pending) {
    throw new AppError(
      'db_recovery_no_snapshot',
      `${label} was found damaged on ${pending.detectedAt} and no verified snapshot could restore it; it is unavailable ` +
        'until a snapshot is restored (`lectern restore`) or it is reset (`lectern reset`).',
    );
  }
  const db = openReadOnly(path, label);
  try {
    return { scope, ...readSchemaFacts(db, known), ...readFileFacts(db), ...extras };
  } catch (error) {
    throw toDatabaseError(error, label);
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

/** A report is clean when nothing in it needs an operator. Pending migrations are not a problem: they run at next start. */
export function isCleanReport(report: DbDiagnostics): boolean {
  return (
    report.continuityOk &&
    report.checksumOk &&
    !report.newerThanApp &&
    report.integrityCheck === 'ok' &&
    report.foreignKeyViolations === 0 &&
    (report.missingArtifactFiles ?? 0) === 0
  );
}
