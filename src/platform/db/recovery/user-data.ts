import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { readFileHeader } from '../file-header.js';
import type { DbScope } from '../scope.js';

/**
 * What counts as the speaker's own data in each kind of database: profiles in the global one; talks (the hidden
 * training talk aside), runs and quest attempts in a profile's. Seeded rows (the quest catalogue) do not count.
 */
const COUNT_USER_ROWS: Record<DbScope['kind'], string> = {
  global: `SELECT (SELECT count(*) FROM profiles) AS n`,
  profile: `
    SELECT (SELECT count(*) FROM talk_projects WHERE is_training = 0) + (SELECT count(*) FROM runs)
         + (SELECT count(*) FROM quest_attempts) AS n`,
};

/** The user rows of a closed database file, read-only; null when it cannot be read (a damaged file, say). */
export function countUserRows(path: string, scope: DbScope): number | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return Number(db.prepare(COUNT_USER_ROWS[scope.kind]).pluck().get());
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/**
 * After a restore: the snapshot put in place holds none of the speaker's data, while the damaged file shows it held
 * some: rows it still lets us count or, when it cannot be read at all, content that differs from the snapshot beyond
 * the first page (whose header a damaged or WAL-mode file always changes). The speaker is then told that their work
 * may still be in the quarantined file.
 */
export function restoredSnapshotLacksUserData(snapshotPath: string, damagedPath: string | null, scope: DbScope): boolean {
  if (countUserRows(snapshotPath, scope) !== 0 || damagedPath === null) return false;
  const damagedRows = countUserRows(damagedPath, scope);
  if (damagedRows !== null) return damagedRows > 0;
  return bytesOf(`${damagedPath}-wal`) > 0 || differsAfterFirstPage(snapshotPath, damagedPath);
}

const CHUNK_BYTES = 1 << 20;

/** Compared in chunks past the snapshot's first page, so a big database is never held in memory. */
function differsAfterFirstPage(a: string, b: string): boolean {
  if (bytesOf(a) !== bytesOf(b)) return true;
  const firstPage = readFileHeader(a)?.pageSize ?? 65_536;
  const fdA = openSync(a, 'r');
  const fdB = openSync(b, 'r');
  try {
    const bufferA = Buffer.alloc(CHUNK_BYTES);
    const bufferB = Buffer.alloc(CHUNK_BYTES);
    for (let offset = firstPage; ; offset += CHUNK_BYTES) {
      const readA = readSync(fdA, bufferA, 0, CHUNK_BYTES, offset);
      const readB = readSync(fdB, bufferB, 0, CHUNK_BYTES, offset);
      if (readA !== readB || !bufferA.subarray(0, readA).equals(bufferB.subarray(0, readB))) return true;
      if (readA < CHUNK_BYTES) return false;
    }
  } finally {
    closeSync(fdA);
    closeSync(fdB);
  }
}

function bytesOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
