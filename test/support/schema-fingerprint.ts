import type { Database } from 'better-sqlite3';

/** The schema as SQLite stores it, whitespace-normalized and sorted, plus the header fields the migrator writes. */
export function schemaFingerprint(db: Database): string {
  const rows = db
    .prepare(`SELECT type, name, tbl_name AS tableName, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`)
    .all() as Array<{ type: string; name: string; tableName: string; sql: string | null }>;
  const objects = rows.map((row) => `${row.type} ${row.name} on ${row.tableName}: ${(row.sql ?? '').replace(/\s+/g, ' ').trim()}`);
  objects.push(`user_version=${db.pragma('user_version', { simple: true })}`);
  objects.push(`application_id=${db.pragma('application_id', { simple: true })}`);
  return objects.join('\n');
}
