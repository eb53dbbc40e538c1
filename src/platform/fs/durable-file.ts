import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { makeFilePrivate, PRIVATE_FILE_MODE } from './private-permissions.js';

/**
 * Durable file steps: a rename is only as safe as the fsyncs around it. Write or copy into a temp file in the same
 * folder, fsync it, rename it into place, fsync the folder (so the rename itself survives a power cut).
 */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** fsyncDir without blocking the event loop (libuv's thread pool), for a rename that a large job just made. */
export async function fsyncDirAsync(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM') throw error;
  } finally {
    await handle.close();
  }
}

export function fsyncDir(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } catch (error) {
    // Some file systems refuse fsync on a directory (EINVAL/EISDIR); the rename is still atomic there.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM') throw error;
  } finally {
    closeSync(fd);
  }
}

/** A hidden temp name beside `path`, so the final rename stays on one file system. */
export function tempPathBeside(path: string): string {
  return join(dirname(path), `.tmp-${basename(path)}-${randomBytes(6).toString('hex')}`);
}

/** Moves a finished temp file into place durably. */
export function commitTempFile(tempPath: string, finalPath: string): void {
  fsyncFile(tempPath);
  renameSync(tempPath, finalPath);
  fsyncDir(dirname(finalPath));
}

/** Writes `data` to `path` atomically (readers see the old or the new content, never half), 0600. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = tempPathBeside(path);
  try {
    writeFileSync(temp, data, { mode: PRIVATE_FILE_MODE });
    makeFilePrivate(temp);
    commitTempFile(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Copies `source` over `destination` atomically and durably, 0600. */
export function copyFileAtomic(source: string, destination: string): void {
  const temp = tempPathBeside(destination);
  try {
    copyFileSync(source, temp);
    makeFilePrivate(temp);
    commitTempFile(temp, destination);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
