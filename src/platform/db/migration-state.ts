import type { Database } from 'better-sqlite3';
import { AppError } from '../../kernel/errors.js';
import { LECTERN_APPLICATION_ID } from './application-id.js';
import type { MigrationStep } from './migration-steps.js';

export interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
  appliedAt: string;
}

/**
 * Where a database stands against the app's known steps. Computed with reads only, so diagnostics can report it
 * and the opener can refuse a database before touching it.
 */
export interface MigrationState {
  /** The database has no tables at all: a new file. */
  isEmpty: boolean;
  /** User tables exist but no schema_migrations: a schema we did not create or cannot trace. */
  isUntracked: boolean;
  applied: AppliedMigration[];
  /** The applied list is an exact prefix of the known list (by version and name). */
  continuityOk: boolean;
  continuityError: string | null;
  /** Every applied step that the app knows has the checksum of the app's file. */
  checksumOk: boolean;
  checksumError: string | null;
  /** Applied steps beyond the app's list: written by a newer Lectern. */
  newerThanApp: boolean;
  /** Steps the app knows that are not applied yet (empty when the state is not migratable). */
  pending: MigrationStep[];
}

const HAS_TRACKING_TABLE = `SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'`;
const COUNT_USER_OBJECTS = `SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'`;
const SELECT_APPLIED = `SELECT version, name, checksum, applied_at AS appliedAt FROM schema_migrations ORDER BY version`;

export function readMigrationState(db: Database, known: readonly MigrationStep[]): MigrationState {
  const hasTrackingTable = (db.prepare(HAS_TRACKING_TABLE).get() as { n: number }).n > 0;
  const userObjects = (db.prepare(COUNT_USER_OBJECTS).get() as { n: number }).n;
  if (!hasTrackingTable) {
    const isEmpty = userObjects === 0;
    return {
      isEmpty,
      isUntracked: !isEmpty,
      applied: [],
      continuityOk: isEmpty,
      continuityError: isEmpty ? null : 'the database has tables but no schema_migrations record',
      checksumOk: isEmpty,
      checksumError: null,
      newerThanApp: false,
      pending: isEmpty ? [...known] : [],
    };
  }
  const applied = db.prepare(SELECT_APPLIED).all() as AppliedMigration[];
  return { isEmpty: false, isUntracked: false, applied, ...compareWithKnown(applied, known) };
}

function compareWithKnown(applied: AppliedMigration[], known: readonly MigrationStep[]) {
  const lastKnown = known.length > 0 ? known[known.length - 1]!.version : 0;
  const newerThanApp = applied.some((row) => row.version > lastKnown);
  let continuityError: string | null = null;
  let checksumError: string | null = null;
  for (const [index, row] of applied.entries()) {
    const expected = known[index];
    if (!expected) break; // beyond the app's list: that is newerThanApp, reported on its own
    if (expected.version !== row.version || expected.name !== row.name) {
      continuityError = `expected ${expected.name}, found ${row.name}`;
      break;
    }
    if (checksumError === null && expected.checksum !== row.checksum) {
      checksumError = `${row.name} was applied from a different file than the one this app ships`;
    }
  }
  const continuityOk = continuityError === null;
  const migratable = continuityOk && checksumError === null && !newerThanApp;
  return {
    continuityOk,
    continuityError,
    checksumOk: checksumError === null,
    checksumError,
    newerThanApp,
    pending: migratable ? known.slice(applied.length) : [],
  };
}

/** Throws the rule a state breaks, in the order an operator should fix them; returns quietly when it is migratable. */
export function assertMigratable(state: MigrationState, known: readonly MigrationStep[]): void {
  if (state.isUntracked) {
    throw new AppError(
      'db_untracked_schema',
      'The database has tables but no migration history, so Lectern cannot tell what it holds. It was left unchanged.',
    );
  }
  if (state.newerThanApp) {
    const newest = state.applied[state.applied.length - 1]!;
    const lastKnown = known[known.length - 1]?.name ?? 'none';
    throw new AppError(
      'db_schema_newer',
      `The database was upgraded by a newer Lectern (it is at ${newest.name}; this app knows up to ${lastKnown}). ` +
        'It was left unchanged: update Lectern to open it.',
    );
  }
  if (!state.continuityOk) {
    throw new AppError(
      'migration_continuity_broken',
      `The database's migration history does not match this app's: ${state.continuityError}. It was left unchanged.`,
    );
  }
  if (!state.checksumOk) {
    throw new AppError(
      'migration_checksum_mismatch',
      `The database's migration history was edited: ${state.checksumError}. It was left unchanged.`,
    );
  }
}

/**
 * The migrator writes application_id and user_version in the same transaction as each step's record, so a database
 * with history always carries Lectern's application_id and the newest applied version in its header. A file whose
 * header lost them was rebuilt outside Lectern (`sqlite3 .dump`, say): its snapshots would not verify, so it is not
 * healthy until the header is restored (docs/operations/runbook.md, "Salvage").
 */
export function fileHeaderMatchesHistory(db: Database, state: MigrationState): boolean {
  const newest = state.applied[state.applied.length - 1];
  if (!newest) return true;
  return (
    Number(db.pragma('application_id', { simple: true })) === LECTERN_APPLICATION_ID &&
    Number(db.pragma('user_version', { simple: true })) === newest.version
  );
}

export function assertFileHeaderMatchesHistory(db: Database, state: MigrationState, label: string): void {
  if (fileHeaderMatchesHistory(db, state)) return;
  throw new AppError(
    'db_header_mismatch',
    `${label} has a migration history, but its file header lost Lectern's identity and version (as a rebuild with ` +
      'sqlite3 .dump does). It was left unchanged; restore its header as the runbook explains.',
  );
}
