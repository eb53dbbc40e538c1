import type { ErrorCode } from '../../contracts/error-codes.js';
import { statfsSync } from 'node:fs';
import { AppError } from '../../kernel/errors.js';

/** What kind of failure a SQLite or file-system error is, decided by result codes only, never by message text. */
export type SqliteFailureKind = 'corrupt' | 'busy' | 'io' | 'full' | 'permission' | 'other';

/**
 * better-sqlite3 sets `code` to SQLite's extended result code name (SQLITE_CORRUPT_INDEX, SQLITE_IOERR_SHORT_READ...);
 * Node's file-system calls set it to the errno name (ENOSPC, EIO...). Both are classified here.
 */
export function classifySqliteFailure(error: unknown): SqliteFailureKind {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'SQLITE_NOTADB' || hasPrimary(code, 'SQLITE_CORRUPT')) return 'corrupt';
  if (hasPrimary(code, 'SQLITE_BUSY') || hasPrimary(code, 'SQLITE_LOCKED')) return 'busy';
  if (hasPrimary(code, 'SQLITE_FULL') || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (hasPrimary(code, 'SQLITE_READONLY') || hasPrimary(code, 'SQLITE_PERM') || PERMISSION_ERRNOS.has(code)) return 'permission';
  if (hasPrimary(code, 'SQLITE_IOERR') || hasPrimary(code, 'SQLITE_CANTOPEN') || code === 'EIO') return 'io';
  return 'other';
}

/**
 * SQLITE_READONLY_ROLLBACK: a read-only connection met a hot rollback journal, left by a write that was interrupted
 * (a crash while a restored file was switched to WAL, say). Not a permission problem: the next read-write open rolls
 * it back, as SQLite always does.
 */
export function isHotJournal(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'SQLITE_READONLY_ROLLBACK';
}

const PERMISSION_ERRNOS = new Set(['EACCES', 'EPERM', 'EROFS']);

function hasPrimary(code: string, primary: string): boolean {
  return code === primary || code.startsWith(`${primary}_`);
}

const MESSAGES: Record<Exclude<SqliteFailureKind, 'other'>, [ErrorCode, string]> = {
  corrupt: ['db_corrupt', 'The database file is damaged.'],
  busy: ['db_busy', 'The database is busy: another program or Lectern window is writing to it. Try again in a moment.'],
  io: ['db_io_error', 'The disk reported an error while reading or writing the database.'],
  full: ['db_disk_full', 'The disk is full, so the database cannot be written. Free some space and try again.'],
  permission: ['db_permission_denied', 'Lectern is not allowed to read or write the database file (check its owner and permissions).'],
};

/** Why a database was judged damaged; recorded in recovery events and quarantine notes. */
export type CorruptionReason =
  | 'not_a_database'
  | 'corrupt'
  | 'quick_check_failed'
  | 'integrity_check_failed'
  | 'database_missing'
  | 'database_truncated'
  | 'foreign_wal';

/** The one error that sends a database to quarantine: `db_corrupt`, with the reason it was judged so. */
export class CorruptionError extends AppError {
  readonly reason: CorruptionReason;

  constructor(label: string, reason: CorruptionReason, options?: { cause?: unknown }) {
    super('db_corrupt', `${label}: ${MESSAGES.corrupt[1]}`, options);
    this.reason = reason;
  }
}

export function isCorruption(error: unknown): error is CorruptionError {
  return error instanceof CorruptionError;
}

/**
 * Turns a low-level failure into the AppError a user sees; AppErrors and unknown failures are returned untouched.
 * `folder` is where the database lives: SQLite reports some writes on a full disk as I/O errors (growing the -shm
 * file is SQLITE_IOERR_SHMSIZE, not SQLITE_FULL), so an I/O error on a file system with no free space is "disk full".
 */
export function toDatabaseError(error: unknown, scopeLabel: string, folder?: string): unknown {
  if (error instanceof AppError) return error;
  let kind = classifySqliteFailure(error);
  if (kind === 'other') return error;
  if (kind === 'io' && folder !== undefined && hasNoFreeSpace(folder)) kind = 'full';
  if (kind === 'corrupt') {
    const code = (error as { code?: string }).code;
    return new CorruptionError(scopeLabel, code === 'SQLITE_NOTADB' ? 'not_a_database' : 'corrupt', { cause: error });
  }
  const [code, message] = MESSAGES[kind];
  return new AppError(code, `${scopeLabel}: ${message}`, { cause: error });
}

/** Less than one 64 KiB write's worth of space left for this user: what "the disk is full" means to SQLite. */
function hasNoFreeSpace(folder: string): boolean {
  try {
    const { bavail, bsize } = statfsSync(folder);
    return Number(bavail) * Number(bsize) < 64 * 1024;
  } catch {
    return false;
  }
}
