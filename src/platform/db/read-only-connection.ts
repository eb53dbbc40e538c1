import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../kernel/errors.js';
import { BUSY_TIMEOUT_MS } from './connection-posture.js';
import { assertNotForeign } from './open-database.js';
import { isHotJournal, toDatabaseError } from './sqlite-failure.js';

/**
 * A connection that can only read: it never migrates, snapshots, recovers or creates the database file, so it is safe
 * to point at a data directory that a running Lectern owns, or at a damaged one. (SQLite may create its transient
 * -wal/-shm companions to read a WAL database; the database file itself is never written.)
 */
export function openReadOnly(path: string, label: string): Db {
  if (!existsSync(path)) throw new AppError('db_not_found', `${label} does not exist yet in this data folder.`);
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    assertNotForeign(db, label);
    return db;
  } catch (error) {
    db?.close();
    throw readOnlyFailure(error, label, path);
  }
}

/**
 * A hot rollback journal beside the file (a write interrupted by a crash) stops every read-only connection with
 * SQLITE_READONLY_ROLLBACK: it is not a permission problem, and not damage either, since the next read-write open rolls
 * the journal back as SQLite always does.
 */
export function readOnlyFailure(error: unknown, label: string, path: string): unknown {
  if (isHotJournal(error)) {
    return new AppError(
      'db_interrupted_write',
      `${label} has a write that a crash interrupted; SQLite undoes it the next time Lectern opens it (start Lectern, ` +
        'or run any lectern command that opens it). Nothing can be read from it until then.',
    );
  }
  return toDatabaseError(error, label, dirname(path));
}
