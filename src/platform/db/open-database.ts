import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError, isAppError } from '../../kernel/errors.js';
import { makeFilePrivate, PRIVATE_FILE_MODE } from '../fs/private-permissions.js';
import { LECTERN_APPLICATION_ID } from './application-id.js';
import { readFileHeader } from './file-header.js';
import { assertBelongsToProfile } from './profile-identity.js';
import { applyConnectionPosture, BUSY_TIMEOUT_MS, verifyConnectionPosture } from './connection-posture.js';
import { assertFileHeaderMatchesHistory, assertMigratable, readMigrationState } from './migration-state.js';
import type { MigrationStep } from './migration-steps.js';
import { migrate, type MigrateOptions, type MigrationResult } from './migrator.js';
import { CorruptionError, isHotJournal, toDatabaseError } from './sqlite-failure.js';

export interface OpenDatabaseOptions extends MigrateOptions {
  /** Names the database in messages without naming its path: "The global database". */
  label: string;
  known: readonly MigrationStep[];
  /**
   * `quick` runs quick_check once per process; `full` runs the full integrity_check, which also compares indexes with
   * their tables: used after an unclean shutdown, when a WAL that does not belong to the file may have been replayed.
   */
  integrity?: 'quick' | 'full';
  /** For a profile database: the profile whose folder it is in; a database that names another one is refused. */
  profileId?: string | undefined;
}

export interface OpenedDatabase {
  db: Db;
  migration: MigrationResult;
}

/** Databases that passed quick_check in this process: the O(size) check runs once per process, not per command. */
const quickCheckedThisProcess = new Set<string>();

/**
 * Opens a database for read-write ownership. Everything that can refuse or condemn the file runs first on a read-only
 * connection (not ours, newer or edited history, the integrity check): a read-only connection never checkpoints, so a
 * WAL that does not belong to the file is never merged into it, and a refused or damaged database is left exactly as
 * it was found, journals included. Only then the read-write connection: posture, pending migrations.
 */
export function openOwnedDatabase(path: string, options: OpenDatabaseOptions): OpenedDatabase {
  createPrivateFileIfMissing(path);
  const checkedReadOnly = checkBeforeWriting(path, options);
  let db: Db;
  try {
    db = new Database(path);
  } catch (error) {
    throw toDatabaseError(error, options.label, dirname(path));
  }
  try {
    if (!checkedReadOnly) {
      refuseUnlessOurs(db, path, options);
      checkIntegrityOnce(db, path, options.label, options.integrity ?? 'quick');
    }
    applyConnectionPosture(db);
    const migration = migrate(db, options.known, options);
    verifyConnectionPosture(db);
    makeDatabaseFilesPrivate(path);
    return { db, migration };
  } catch (error) {
    db.close();
    throw toDatabaseError(error, options.label, dirname(path));
  }
}

/**
 * The read-only half of the open. Returns false when the checks could not run read-only and must run on the
 * read-write connection: an empty new file, or a hot rollback journal (an interrupted write that only a read-write
 * connection may roll back; SQLite's own recovery, which touches only what that journal says).
 */
function checkBeforeWriting(path: string, options: OpenDatabaseOptions): boolean {
  if (statSync(path).size === 0) return false;
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    refuseUnlessOurs(db, path, options);
    checkIntegrityOnce(db, path, options.label, options.integrity ?? 'quick');
    return true;
  } catch (error) {
    if (isHotJournal(error)) return false;
    throw toDatabaseError(error, options.label, dirname(path));
  } finally {
    db?.close();
  }
}

/** The file exists 0600 before SQLite opens it, so there is no moment when it is readable by others. */
function createPrivateFileIfMissing(path: string): void {
  if (existsSync(path)) return;
  closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
  makeFilePrivate(path);
}

export function makeDatabaseFilesPrivate(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) makeFilePrivate(file);
}

/**
 * Read-only checks first: a foreign file, a schema we cannot trace, a newer or edited history. Each is refused
 * while the file is still byte-for-byte as we found it (the WAL switch in the posture step would change its header).
 */
function refuseUnlessOurs(db: Db, path: string, options: OpenDatabaseOptions): void {
  try {
    assertNotForeign(db, options.label);
    const state = readMigrationState(db, options.known);
    assertMigratable(state, options.known);
    assertFileHeaderMatchesHistory(db, state, options.label);
    if (options.profileId !== undefined) assertBelongsToProfile(db, options.profileId);
  } catch (error) {
    // The file itself says it is ours, yet SQLite's view (file + WAL) says otherwise: the WAL beside it belongs to
    // another database and was just replayed over ours. That is corruption, not a foreign or untracked file.
    if (isAppError(error) && FOREIGN_LOOKING.has(error.code) && readFileHeader(path)?.applicationId === LECTERN_APPLICATION_ID) {
      throw new CorruptionError(options.label, 'foreign_wal', { cause: error });
    }
    throw error;
  }
}

const FOREIGN_LOOKING = new Set(['db_foreign_file', 'db_untracked_schema']);
export function assertNotForeign(db: Db, label: string): void {
  const applicationId = Number(db.pragma('application_id', { simple: true }));
  if (applicationId !== 0 && applicationId !== LECTERN_APPLICATION_ID) {
    throw new AppError(
      'db_foreign_file',
      `${label} file belongs to another program (its SQLite application_id is not Lectern's). It was not modified.`,
    );
  }
}

function checkIntegrityOnce(db: Db, path: string, label: string, mode: 'quick' | 'full'): void {
  if (quickCheckedThisProcess.has(path)) return;
  const first = mode === 'full' ? firstRow(db, 'integrity_check(1)') : quickCheckStructure(db);
  if (first !== 'ok') throw new CorruptionError(label, mode === 'full' ? 'integrity_check_failed' : 'quick_check_failed');
  quickCheckedThisProcess.add(path);
}

/**
 * quick_check on a read-write connection also re-evaluates every CHECK constraint of every row, which on Lectern's
 * strictly checked tables is most of its cost (measured 4x on a 100,000-run profile, docs/benchmarks.md). Those
 * constraints were enforced when each row was written; what startup must catch is a damaged file, so the structural
 * check runs with CHECK evaluation off. The full integrity_check after an unclean shutdown still checks everything.
 */
function quickCheckStructure(db: Db): string {
  db.pragma('ignore_check_constraints = ON');
  try {
    return firstRow(db, 'quick_check(1)');
  } finally {
    db.pragma('ignore_check_constraints = OFF');
  }
}

function firstRow(db: Db, pragma: string): string {
  const rows = db.pragma(pragma) as Array<Record<string, string>>;
  return rows[0] ? String(Object.values(rows[0])[0]) : 'no result';
}

/** After a restore the file at `path` is a different database: its next open must be checked again. */
export function forgetIntegrityCheck(path: string): void {
  quickCheckedThisProcess.delete(path);
}
