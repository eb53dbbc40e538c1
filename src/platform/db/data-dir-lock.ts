import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { uptime } from 'node:os';
import { AppError } from '../../kernel/errors.js';
import { nowUtc } from '../../kernel/time.js';
import { PRIVATE_FILE_MODE, makeFilePrivate } from '../fs/private-permissions.js';

/** What the lock file says about its holder. */
export interface LockHolder {
  pid: number;
  startedAt: string;
  /** Random per acquisition: tells our own lock from a stale one left by an earlier process with the same pid. */
  token: string;
  /** Set when the file could not be parsed. */
  unreadable?: boolean;
}

/** An unreadable lock this young may be another process's write in progress (older Lecterns wrote in two steps). */
const UNREADABLE_GRACE_MS = 10_000;

/** Locks this process holds, by lock-file path; a second owner inside the same process is refused too. */
const heldByThisProcess = new Map<string, string>();

/**
 * The single-instance lock of a data directory: one process owns the data (runs migrations, writes, recovers) at a time.
 * A lock whose holder process is gone is taken over. Read-only diagnostics never take it.
 */
export class DataDirLock {
  private constructor(
    readonly path: string,
    readonly holder: LockHolder,
  ) {}

  static acquire(path: string): DataDirLock {
    const holder: LockHolder = { pid: process.pid, startedAt: nowUtc(), token: randomBytes(8).toString('hex') };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (tryCreateLockFile(path, holder)) {
        heldByThisProcess.set(path, holder.token);
        return new DataDirLock(path, holder);
      }
      const current = readLockHolder(path);
      if (current && isHolderAlive(path, current)) throw lockedBy(current);
      removeStaleLock(path, current);
    }
    throw new AppError('data_dir_locked', 'The data folder is locked by another Lectern process that is starting up.');
  }

  /** Removes the lock file, but only if it is still ours (never another process's). */
  release(): void {
    if (heldByThisProcess.get(this.path) !== this.holder.token) return;
    heldByThisProcess.delete(this.path);
    if (readLockHolder(this.path)?.token === this.holder.token) unlinkSync(this.path);
  }
}

/** Who holds the lock now, if anyone alive does; for status messages. */
export function currentLockHolder(path: string): LockHolder | null {
  const holder = readLockHolder(path);
  return holder && isHolderAlive(path, holder) ? holder : null;
}

/**
 * The lock file appears with its content already in it: written to a private temp file first, then hard-linked into
 * place (link fails if the name exists, like O_EXCL). No other process can ever read a half-written lock.
 */
function tryCreateLockFile(path: string, holder: LockHolder): boolean {
  const temp = `${path}.${holder.token}.tmp`;
  const fd = openSync(temp, 'wx', PRIVATE_FILE_MODE);
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  makeFilePrivate(temp);
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

function readLockHolder(path: string): LockHolder | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number' && typeof parsed.token === 'string') {
      return { pid: parsed.pid, startedAt: String(parsed.startedAt ?? ''), token: parsed.token };
    }
  } catch {
    // A half-written or garbled lock file: treated as stale below (pid 0 is never alive).
  }
  return { pid: 0, startedAt: '', token: '', unreadable: true };
}

function isHolderAlive(path: string, holder: LockHolder): boolean {
  if (holder.unreadable) return Date.now() - modifiedAtMs(path) < UNREADABLE_GRACE_MS;
  if (holder.pid <= 0) return false;
  // A lock written before this machine last booted belongs to a process that no longer exists, whatever its pid now is.
  if (Date.parse(holder.startedAt) < Date.now() - uptime() * 1000) return false;
  if (holder.pid === process.pid) return heldByThisProcess.get(path) === holder.token;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves the stale file aside under a unique name, then checks that what moved is the stale lock we judged. If a
 * racing process had already replaced it with a live lock, that lock is linked back and we report it as held.
 */
function removeStaleLock(path: string, judged: LockHolder | null): void {
  if (!judged) return;
  const aside = `${path}.stale-${randomBytes(6).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readLockHolder(aside);
  if (moved && moved.token !== judged.token) {
    // We moved a live lock that replaced the stale one meanwhile: put it back (unless a newer one already took the
    // name, which then owns the folder) and report the folder as held.
    try {
      linkSync(aside, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    unlinkSync(aside);
    throw lockedBy(moved);
  }
  unlinkSync(aside);
}

function modifiedAtMs(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function lockedBy(holder: LockHolder): AppError {
  return new AppError(
    'data_dir_locked',
    `The data folder is in use by another Lectern process (pid ${holder.pid}, started ${holder.startedAt}). ` +
      'Close it first, or use a different --data-dir.',
  );
}
