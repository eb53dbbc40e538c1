import type { Database } from 'better-sqlite3';
import { AppError, isAppError } from '../../kernel/errors.js';
import { nowUtc } from '../../kernel/time.js';
import { LECTERN_APPLICATION_ID } from './application-id.js';
import { assertMigratable, readMigrationState, type MigrationState } from './migration-state.js';
import type { MigrationStep } from './migration-steps.js';

/** What the `beforeMigrate` hook learns: enough to name and guard a snapshot. */
export interface PendingMigration {
  db: Database;
  /** Version the database is at now (0 for a new file). */
  fromVersion: number;
  toVersion: number;
  pending: readonly MigrationStep[];
}

export interface MigrateOptions {
  /**
   * Runs once before the first pending step on a database that already holds a schema (never for a new, empty one).
   * If it throws, no step runs and the error propagates: the snapshot service uses this so that no upgrade
   * happens without a verified snapshot to go back to.
   */
  beforeMigrate?: (pending: PendingMigration) => void;
}

/** What a migrate call did, step by step. */
export interface MigrationResult {
  fromVersion: number;
  toVersion: number;
  /** Names of the steps applied by this call, in order; empty when the database was current. */
  applied: string[];
}

const CREATE_TRACKING_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    checksum   TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`;
const INSERT_APPLIED = `INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)`;

/**
 * Brings a database to the app's newest schema, one step at a time.
 *
 * Each step and its schema_migrations row commit in one transaction, after `PRAGMA foreign_key_check` came back
 * empty; a failing step rolls back and leaves the database exactly at the previous version. Foreign keys are off
 * while steps run (SQLite's documented procedure for table rebuilds) and checked explicitly before each commit.
 *
 * @example
 *   const result = migrate(db, migrationStepsFor(GLOBAL_SCOPE), { beforeMigrate: takeSnapshot });
 *   // result.applied -> ['0002_add_x'] when one step was pending
 */
export function migrate(db: Database, known: readonly MigrationStep[], options: MigrateOptions = {}): MigrationResult {
  const state = readMigrationState(db, known);
  assertMigratable(state, known);
  const fromVersion = currentVersion(state);
  if (state.pending.length === 0) return { fromVersion, toVersion: fromVersion, applied: [] };

  const toVersion = state.pending[state.pending.length - 1]!.version;
  if (!state.isEmpty) options.beforeMigrate?.({ db, fromVersion, toVersion, pending: state.pending });

  const applied: string[] = [];
  withForeignKeysOff(db, () => {
    for (const step of state.pending) {
      applyStepAtomically(db, step);
      applied.push(step.name);
    }
  });
  return { fromVersion, toVersion, applied };
}

function currentVersion(state: MigrationState): number {
  return state.applied.length === 0 ? 0 : state.applied[state.applied.length - 1]!.version;
}

function applyStepAtomically(db: Database, step: MigrationStep): void {
  const run = db.transaction(() => {
    db.exec(CREATE_TRACKING_TABLE);
    db.exec(step.sql);
    assertNoForeignKeyViolations(db, step);
    db.prepare(INSERT_APPLIED).run(step.version, step.name, step.checksum, nowUtc());
    // The header fields travel in the same transaction: a database carrying our application_id always has a
    // schema_migrations record, and user_version always equals the newest applied version.
    db.pragma(`application_id = ${LECTERN_APPLICATION_ID}`);
    db.pragma(`user_version = ${step.version}`);
  });
  try {
    run.immediate();
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError(
      'migration_step_failed',
      `Migration ${step.name} failed and was rolled back; the database stays at version ${step.version - 1}.`,
      { cause: error },
    );
  }
}

function assertNoForeignKeyViolations(db: Database, step: MigrationStep): void {
  const violations = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string }>;
  if (violations.length === 0) return;
  const first = violations[0]!;
  throw new AppError(
    'migration_fk_violation',
    `Migration ${step.name} would leave ${violations.length} row(s) pointing at missing parents ` +
      `(first: a row of ${first.table} referencing ${first.parent}); it was rolled back.`,
  );
}

function withForeignKeysOff(db: Database, work: () => void): void {
  db.pragma('foreign_keys = OFF');
  try {
    work();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
