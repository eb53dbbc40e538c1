import type { Database, Statement } from 'better-sqlite3';

const statements = new WeakMap<Database, Map<string, Statement>>();

/**
 * The connection's statement for this SQL, prepared on first use and kept with the connection (better-sqlite3 has
 * no statement cache of its own, and preparing costs as much as a small query: the hot reads of every page paid it
 * on each call). SQLite re-prepares a kept statement by itself after a schema change; a reopened connection is a new
 * object and starts a new cache. Only for `get`, `all` and `run`: a statement being iterated is busy until the
 * iteration ends, so `iterate()` prepares its own.
 */
export function prepared(db: Database, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
