import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DataLayout } from './layout.js';
import type { DbScope } from './scope.js';

/**
 * Temp files that only a killed operation leaves behind: a half-written snapshot copy (`backups/.tmp-*`), the
 * restore's copy of a database before its rename (`.tmp-<db>-*` beside it), a lock file before its link
 * (`lectern.lock.*.tmp`). None is ever the newest truth: each is renamed or linked into place only once complete.
 */
const TEMP_NAME = /^\.tmp-/;
const LOCK_TEMP_NAME = /^lectern\.lock\..+\.tmp$/;

/** The stray temp files of one scope's folders (for the global scope, the data folder's lock temp files too). */
export function listStrayTempFiles(layout: DataLayout, scope: DbScope): string[] {
  const found: string[] = [];
  const collect = (dir: string, pattern: RegExp) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) if (pattern.test(name)) found.push(join(dir, name));
  };
  collect(layout.scopeDir(scope), TEMP_NAME);
  collect(layout.backupsDir(scope), TEMP_NAME);
  if (scope.kind === 'global') collect(layout.root, LOCK_TEMP_NAME);
  return found;
}

/**
 * Removes them. Only ever called by the owner of the data folder before it works on that scope (at startup, or the
 * first open of a profile in this process), when no operation of its own can be writing one.
 */
export function sweepStrayTempFiles(layout: DataLayout, scope: DbScope, now = Date.now()): number {
  const stray = listStrayTempFiles(layout, scope).filter((path) => !isLockTempInUse(path, now));
  for (const path of stray) rmSync(path, { force: true });
  return stray.length;
}

/**
 * Another process trying to take the lock holds its temp file for a few microseconds before it links it (and fails,
 * since the lock is ours): a lock temp file younger than a minute may be that one, and is left to its owner.
 */
function isLockTempInUse(path: string, now: number): boolean {
  if (!LOCK_TEMP_NAME.test(basename(path))) return false;
  try {
    return now - statSync(path).mtimeMs < 60_000;
  } catch {
    return true;
  }
}
