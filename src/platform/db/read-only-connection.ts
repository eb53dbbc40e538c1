import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { AppError } from '../../kernel/errors.js';
import { BUSY_TIMEOUT_MS } from './connection-posture.js';
import { assertNotForeign } from './open-database.js';
import { toDatabaseError } from './sqlite-failure.js';

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
    throw toDatabaseError(error, label);
  }
}
