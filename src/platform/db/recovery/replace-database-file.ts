import { rmSync } from 'node:fs';
import { copyFileAtomic } from '../../fs/durable-file.js';
import { forgetIntegrityCheck } from '../open-database.js';

/**
 * Puts a verified snapshot in place of a database file. The old -wal and -shm go first: a WAL replayed into a database
 * it does not belong to is one of SQLite's documented ways to corrupt a file. The copy is atomic (temp, fsync, rename,
 * fsync folder), so a crash leaves either the old state or the restored one. No connection may be open on `dbPath`.
 */
export function replaceDatabaseFile(snapshotPath: string, dbPath: string): void {
  rmSync(`${dbPath}-wal`, { force: true });
  rmSync(`${dbPath}-shm`, { force: true });
  copyFileAtomic(snapshotPath, dbPath);
  forgetIntegrityCheck(dbPath);
}
