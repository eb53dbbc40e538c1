import type { Database } from 'better-sqlite3';
import DatabaseClass from 'better-sqlite3';

/** The tables whose rows grow with use: a full scan of one gets slower every week a speaker practises. */
export const GROWING_TABLES = [
  'talk_projects',
  'talk_outlines',
  'runs',
  'quest_attempts',
  'auto_feedback',
  'feedback_notes',
  'peer_reviews',
  'artifacts',
  'recovery_events',
  'voice_memos',
] as const;

/** EXPLAIN QUERY PLAN of a statement, every parameter bound to null (named or positional). */
export function queryPlan(db: Database, sql: string): string[] {
  const named = [...new Set([...sql.matchAll(/[@:$]([A-Za-z_]\w*)/g)].map((m) => m[1]!))];
  const positional = (sql.match(/\?/g) ?? []).length;
  const args: unknown[] = named.length > 0 ? [Object.fromEntries(named.map((name) => [name, null]))] : Array(positional).fill(null);
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((row) => row.detail);
}

const NOT_AN_ALIAS = new Set(['where', 'join', 'on', 'left', 'inner', 'cross', 'order', 'group', 'limit', 'union', 'using', 'set', 'values', 'natural']);

/** `FROM runs r JOIN talk_projects AS p`: alias (and table name) -> table, so plan lines that name an alias resolve. */
export function tablesByAlias(sql: string): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const match of sql.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+([A-Za-z_]\w*)(?:\s+(?:AS\s+)?([A-Za-z_]\w*))?/gi)) {
    const table = match[1]!;
    aliases.set(table, table);
    const alias = match[2];
    if (alias && !NOT_AN_ALIAS.has(alias.toLowerCase())) aliases.set(alias, table);
  }
  return aliases;
}

/**
 * The growing tables a plan reads in full: `SCAN x`, with or without a covering index (both read every row). One
 * exception: in a statement with a LIMIT, `SCAN x USING INDEX i` is an ordered walk of the index that the LIMIT stops
 * (newest first, say), not a full read.
 */
export function fullScansOfGrowingTables(sql: string, plan: readonly string[]): string[] {
  const aliases = tablesByAlias(sql);
  const limited = /\bLIMIT\b/i.test(sql);
  const scanned = plan.flatMap((line) => {
    if (limited && /^SCAN \w+ USING (COVERING )?INDEX /.test(line)) return [];
    const match = /^SCAN ([A-Za-z_]\w*)/.exec(line);
    const table = match ? aliases.get(match[1]!) ?? match[1]! : null;
    return table && (GROWING_TABLES as readonly string[]).includes(table) ? [table] : [];
  });
  return [...new Set(scanned)];
}

/**
 * Records every SQL text prepared through better-sqlite3 while `work` runs (the app prepares every statement it runs;
 * migrations and pragmas, which use exec, are not queries of the app's features).
 */
export async function recordPreparedSql(work: () => Promise<void>): Promise<Set<string>> {
  const seen = new Set<string>();
  const prototype = DatabaseClass.prototype as unknown as { prepare: (this: Database, sql: string) => unknown };
  const original = prototype.prepare;
  prototype.prepare = function prepare(this: Database, sql: string) {
    seen.add(sql);
    return original.call(this, sql);
  };
  try {
    await work();
  } finally {
    prototype.prepare = original;
  }
  return seen;
}
