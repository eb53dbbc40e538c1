import Database from 'better-sqlite3';

/** The version of the SQLite library Lectern runs on (bundled by better-sqlite3), for support and logs. */
export function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return String(db.prepare('SELECT sqlite_version()').pluck().get());
  } finally {
    db.close();
  }
}
