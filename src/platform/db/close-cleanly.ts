import type { Database } from 'better-sqlite3';
import { writeCleanShutdownMarker } from './recovery/markers.js';

/**
 * Checkpoint so the database file alone holds everything, leave WAL mode, close, and only then say it was clean. Out of
 * WAL mode, a closed database is one self-contained file: a copy of just that file is complete, and a read-only reader
 * (`lectern diagnose`) creates no -wal or -shm beside it. The next open switches back to WAL.
 */
export function closeCleanly(path: string, db: Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  leaveWalMode(db);
  db.close();
  writeCleanShutdownMarker(path);
}

/** Best effort: another process still reading the database keeps it in WAL mode, which is harmless. Never waits. */
function leaveWalMode(db: Database): void {
  db.pragma('busy_timeout = 0');
  try {
    db.pragma('journal_mode = DELETE');
  } catch {
    // SQLITE_BUSY: a reader elsewhere holds the WAL open; the database stays in WAL mode until the next clean close.
  }
}
