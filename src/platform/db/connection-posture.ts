import type { Database } from 'better-sqlite3';
import { AppError } from '../../kernel/errors.js';

/** Milliseconds a statement waits on another connection's lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;
export const MIN_BUSY_TIMEOUT_MS = 2000;

/**
 * Sets the pragmas every read-write connection must have, then reads each back: a setting SQLite silently ignored
 * (WAL on a file system that cannot do it, say) fails loudly with `db_pragma_unexpected` instead of running unsafe.
 */
export function applyConnectionPosture(db: Database): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  verifyConnectionPosture(db);
}

export function verifyConnectionPosture(db: Database): void {
  expectPragma(db, 'journal_mode', (value) => String(value).toLowerCase() === 'wal', 'wal');
  expectPragma(db, 'synchronous', (value) => Number(value) === 1, '1 (NORMAL)');
  expectPragma(db, 'foreign_keys', (value) => Number(value) === 1, '1 (ON)');
  expectPragma(db, 'busy_timeout', (value) => Number(value) >= MIN_BUSY_TIMEOUT_MS, `>= ${MIN_BUSY_TIMEOUT_MS}`);
  expectPragma(db, 'ignore_check_constraints', (value) => Number(value) === 0, '0 (CHECK constraints enforced)');
}

function expectPragma(db: Database, name: string, isExpected: (value: unknown) => boolean, expected: string): void {
  const value = db.pragma(name, { simple: true });
  if (!isExpected(value)) {
    throw new AppError(
      'db_pragma_unexpected',
      `The database connection setting ${name} is ${String(value)} instead of ${expected}; Lectern will not run without it.`,
    );
  }
}
