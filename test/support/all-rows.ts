import Database from 'better-sqlite3';

/** Every row of every table of a closed database file, read-only, each table's rows as sorted JSON lines. */
export function allRows(path: string): Map<string, string[]> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
    return new Map(tables.map((table) => [table, (db.prepare(`SELECT * FROM "${table}"`).all() as object[]).map((row) => JSON.stringify(row)).sort()]));
  } finally {
    db.close();
  }
}

/** The same rows, each cut down to the columns the older schema had (a newer schema may add columns). */
export function rowsWithColumnsOf(older: Map<string, string[]>, newer: Map<string, string[]>): Map<string, string[]> {
  return new Map(
    [...older].map(([table, rows]) => {
      const columns = rows.length > 0 ? Object.keys(JSON.parse(rows[0]!) as object) : [];
      const cut = (newer.get(table) ?? []).map((line) => {
        const row = JSON.parse(line) as Record<string, unknown>;
        return JSON.stringify(Object.fromEntries(columns.map((column) => [column, row[column]])));
      });
      return [table, cut.sort()];
    }),
  );
}
