import type { Database } from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { AppError } from '../../kernel/errors.js';
import { DataDirLock } from './data-dir-lock.js';
import { DataLayout } from './layout.js';
import { migrationStepsFor } from './migration-steps.js';
import type { MigrateOptions } from './migrator.js';
import { openOwnedDatabase } from './open-database.js';
import { GLOBAL_SCOPE, profileScope, type DbScope } from './scope.js';

export interface DataStoreOptions {
  /** Plugged in by the snapshot service: runs before pending migrations on a database that holds data. */
  beforeMigrate?: MigrateOptions['beforeMigrate'];
}

/**
 * The owner of a data directory inside one process: holds the single-instance lock and one long-lived connection per
 * database, opened (posture, quick_check, migrations) on first use. Domains receive connections from here; they never
 * open database files themselves.
 */
export class DataStore {
  private readonly connections = new Map<string, Database>();
  private closed = false;

  private constructor(
    readonly layout: DataLayout,
    private readonly lock: DataDirLock,
    private readonly options: DataStoreOptions,
  ) {}

  /** Creates the data dir if needed (0700) and takes its lock; fails with `data_dir_locked` if another process owns it. */
  static open(root: string, options: DataStoreOptions = {}): DataStore {
    const layout = new DataLayout(root);
    layout.ensureScopeDirs(GLOBAL_SCOPE);
    const lock = DataDirLock.acquire(layout.lockFile);
    return new DataStore(layout, lock, options);
  }

  global(): Database {
    return this.connection(GLOBAL_SCOPE);
  }

  /** The profile's database; the caller has checked that the profile exists in the global database. */
  profile(profileId: string): Database {
    return this.connection(profileScope(profileId));
  }

  connection(scope: DbScope): Database {
    if (this.closed) throw new AppError('data_store_closed', 'Lectern is shutting down; try again after it restarts.');
    const path = this.layout.dbFile(scope);
    let db = this.connections.get(path);
    if (!db) {
      this.layout.ensureScopeDirs(scope);
      db = openOwnedDatabase(path, {
        label: scope.kind === 'global' ? 'The global database' : 'The profile database',
        known: migrationStepsFor(scope),
        beforeMigrate: this.options.beforeMigrate,
      }).db;
      this.connections.set(path, db);
    }
    return db;
  }

  /** Closes one profile's connection (before its folder is removed, for instance). */
  closeProfile(profileId: string): void {
    const path = this.layout.profileDb(profileId);
    this.connections.get(path)?.close();
    this.connections.delete(path);
  }

  /**
   * Closes a profile's connection and removes its folder. Only ever a folder built from a validated profile id under
   * this data dir's profiles/ (the layout checks the id), never a path from outside.
   */
  discardProfileFiles(profileId: string): void {
    this.closeProfile(profileId);
    rmSync(this.layout.profileDir(profileId), { recursive: true, force: true });
  }

  /** Closes every connection, then releases the lock. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      for (const db of this.connections.values()) db.close();
      this.connections.clear();
    } finally {
      this.lock.release();
    }
  }
}
