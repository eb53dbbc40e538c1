import type { Database } from 'better-sqlite3';
import { closeSync, copyFileSync, openSync, writeSync } from 'node:fs';

/**
 * The fast way to snapshot a database this process owns: a PASSIVE checkpoint (it never waits) copies every WAL frame
 * into the main file; when it reports all frames copied, the main file alone holds every committed transaction, and
 * under the write lock (BEGIN IMMEDIATE) nothing can be appended while the kernel copies it. A file copy is safe when
 * no transaction is in progress and no committed work lives only in the WAL (SQLite, "How To Corrupt", §1.3).
 * Returns false, having copied nothing, when some frames could not be checkpointed (a reader in another process still
 * uses an older snapshot): the caller falls back to VACUUM INTO, which reads through the WAL.
 */
export function copyQuiescentDatabase(db: Database, targetPath: string): boolean {
  const [checkpoint] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
  if (!checkpoint || checkpoint.busy !== 0 || checkpoint.checkpointed !== checkpoint.log) return false;
  db.exec('BEGIN IMMEDIATE');
  try {
    copyFileSync(db.name, targetPath);
  } finally {
    db.exec('ROLLBACK');
  }
  markAsRollbackJournal(targetPath);
  return true;
}

/**
 * A copy of a WAL-mode file still says "WAL" in its header (bytes 18 and 19 = 2), so every reader would create -wal and
 * -shm files beside it. With an empty WAL, switching those two bytes to 1 is exactly what `journal_mode=DELETE` does:
 * the copy becomes a self-contained rollback-journal database, like VACUUM INTO output.
 * (https://www.sqlite.org/fileformat2.html#file_format_version_numbers)
 */
function markAsRollbackJournal(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
  } finally {
    closeSync(fd);
  }
}
