import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { closeSync, existsSync, openSync } from 'node:fs';
import { AppError } from '../../kernel/errors.js';
import { makeFilePrivate, PRIVATE_FILE_MODE } from '../fs/private-permissions.js';
import { LECTERN_APPLICATION_ID } from './application-id.js';
import { applyConnectionPosture } from './connection-posture.js';
import { assertMigratable, readMigrationState } from './migration-state.js';
import type { MigrationStep } from './migration-steps.js';
import { migrate, type MigrateOptions, type MigrationResult } from './migrator.js';
import { toDatabaseError } from './sqlite-failure.js';

export interface OpenDatabaseOptions extends MigrateOptions {
  /** Names the database in messages without naming its path: "The global database". */
  label: string;
  known: readonly MigrationStep[];
}

export interface OpenedDatabase {
  db: Db;
  migration: MigrationResult;
}

/** Databases that passed quick_check in this process: the O(size) check runs once per process, not per command. */
const quickCheckedThisProcess = new Set<string>();

/**
 * Opens a database for read-write ownership: refuse what is not ours (before any byte can change), set and verify the
 * connection posture, quick_check at the first open in this process, then run pending migrations.
 */
export function openOwnedDatabase(path: string, options: OpenDatabaseOptions): OpenedDatabase {
  createPrivateFileIfMissing(path);
  let db: Db;
  try {
    db = new Database(path);
  } catch (error) {
    throw toDatabaseError(error, options.label);
  }
  try {
    refuseUnlessOurs(db, options);
    applyConnectionPosture(db);
    quickCheckOnce(db, path, options.label);
    const migration = migrate(db, options.known, options);
    makeDatabaseFilesPrivate(path);
    return { db, migration };
  } catch (error) {
    db.close();
    throw toDatabaseError(error, options.label);
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
function refuseUnlessOurs(db: Db, options: OpenDatabaseOptions): void {
  assertNotForeign(db, options.label);
  assertMigratable(readMigrationState(db, options.known), options.known);
}

export function assertNotForeign(db: Db, label: string): void {
  const applicationId = Number(db.pragma('application_id', { simple: true }));
  if (applicationId !== 0 && applicationId !== LECTERN_APPLICATION_ID) {
    throw new AppError(
      'db_foreign_file',
      `${label} file belongs to another program (its SQLite application_id is not Lectern's). It was not modified.`,
    );
  }
}

function quickCheckOnce(db: Db, path: string, label: string): void {
  if (quickCheckedThisProcess.has(path)) return;
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  const first = rows[0]?.quick_check ?? 'no result';
  if (first !== 'ok') {
    throw new AppError('db_corrupt', `${label} failed its integrity quick check.`);
  }
  quickCheckedThisProcess.add(path);
}
