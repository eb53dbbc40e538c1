import { chmodSync, existsSync, mkdirSync } from 'node:fs';

/**
 * Lectern's files hold voice recordings and transcripts: folders are 0700 and files 0600, set explicitly with chmod
 * because a umask (often 022) would otherwise leave them readable by other local users.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder (and missing parents) and makes it private; an existing folder is made private too. */
export function ensurePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(path, PRIVATE_DIR_MODE);
}

/** Makes a file private if it exists (SQLite creates -wal and -shm files lazily). */
export function makeFilePrivate(path: string): void {
  if (existsSync(path)) chmodSync(path, PRIVATE_FILE_MODE);
}
