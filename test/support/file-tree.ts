import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface FileFingerprint {
  sha256: string;
  mtimeMs: number;
  mode: number;
}

/** SQLite's transient companions of a WAL database, which a reader may create: left out of comparisons. */
export function isTransientSqliteFile(path: string): boolean {
  return path.endsWith('-wal') || path.endsWith('-shm');
}

/** Every file under `root` with its bytes' hash, mtime and mode, keyed by relative path. */
export function fingerprintTree(root: string, options: { includeTransient?: boolean } = {}): Map<string, FileFingerprint> {
  const result = new Map<string, FileFingerprint>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        visit(path);
        continue;
      }
      if (!options.includeTransient && isTransientSqliteFile(path)) continue;
      const stat = statSync(path);
      result.set(relative(root, path), {
        sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
        mtimeMs: stat.mtimeMs,
        mode: stat.mode & 0o777,
      });
    }
  };
  visit(root);
  return result;
}

/** Every folder under `root` (root included) with its mode. */
export function listDirModes(root: string): Map<string, number> {
  const result = new Map<string, number>([['.', statSync(root).mode & 0o777]]);
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = join(dir, entry.name);
      result.set(relative(root, path), statSync(path).mode & 0o777);
      visit(path);
    }
  };
  visit(root);
  return result;
}

export function fileBytes(path: string): Buffer {
  return readFileSync(path);
}
