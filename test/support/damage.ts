import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, openSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Ways a database file gets damaged in the field, applied to a closed database. Fixtures are made at run time. */
export const DAMAGE = {
  'zeroed header': (path: string) => overwrite(path, 0, Buffer.alloc(100)),
  'truncated at half': (path: string) => truncateSync(path, Math.floor(statSync(path).size / 2 / 4096) * 4096 || 1024),
  'a random page overwritten': (path: string) => {
    const pages = statSync(path).size / 4096;
    overwrite(path, Math.floor(pages / 2) * 4096, randomBytes(4096));
    overwrite(path, 1 * 4096, randomBytes(4096));
  },
  'a garbage file': (path: string) => writeFileSync(path, randomBytes(statSync(path).size)),
  'a zero-length file': (path: string) => truncateSync(path, 0),
  'a WAL that belongs to another database': (path: string) => plantForeignWal(path),
} as const;

export type DamageKind = keyof typeof DAMAGE;

function overwrite(path: string, offset: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

/**
 * Builds another WAL database with committed but uncheckpointed work and puts its WAL beside `path`, as a careless
 * copy or restore of only the main file would: SQLite replays it into a database it does not belong to.
 */
function plantForeignWal(path: string): void {
  const otherPath = join(path, '..', 'other-database.tmp');
  const other = new Database(otherPath);
  other.pragma('journal_mode = WAL');
  other.pragma('wal_autocheckpoint = 0');
  other.exec('CREATE TABLE elsewhere (id INTEGER PRIMARY KEY, body TEXT)');
  const insert = other.prepare('INSERT INTO elsewhere (body) VALUES (?)');
  for (let i = 0; i < 300; i += 1) insert.run(randomBytes(200).toString('hex'));
  copyFileSync(`${otherPath}-wal`, `${path}-wal`);
  other.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${otherPath}${suffix}`, { force: true });
}
