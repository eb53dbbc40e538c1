import { closeSync, fstatSync, openSync, statSync } from 'node:fs';

/**
 * Watches the `-wal` file of a database this process holds open. SQLite keeps writing committed transactions to the
 * WAL it opened; if another program deletes (or replaces) that file while Lectern runs, those transactions live in an
 * unlinked file that the next start never sees: a crash then loses them, and nothing on disk says so. This watch keeps
 * its own descriptor on the WAL and notices when the file in the folder is no longer that one (its link count fell to
 * 0, or the name now points at another file).
 */
export class JournalWatch {
  private fd: number | null = null;
  private lastCheckedAt = 0;

  constructor(private readonly walPath: string) {
    this.attach();
  }

  /** Follows the WAL now at the path (after the database was reopened with a fresh one). */
  attach(): void {
    this.release();
    try {
      this.fd = openSync(this.walPath, 'r');
    } catch {
      this.fd = null; // no WAL yet (a database out of WAL mode): nothing to watch until it is reopened
    }
  }

  /**
   * True when the WAL this process writes to is no longer the file in the folder. Checked at most every `everyMs`
   * (two stat calls), so it can sit on the path of every command.
   */
  isDetached(now = Date.now(), everyMs = 1000): boolean {
    if (this.fd === null || now - this.lastCheckedAt < everyMs) return false;
    this.lastCheckedAt = now;
    const held = fstatSync(this.fd);
    if (held.nlink === 0) return true;
    try {
      return statSync(this.walPath).ino !== held.ino;
    } catch {
      return true;
    }
  }

  release(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
