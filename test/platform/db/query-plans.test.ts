import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from 'better-sqlite3';
import { DataStore } from '../../../src/platform/db/data-store.js';
import { runCommandJourney } from '../../support/command-journey.js';
import { DELIBERATE_FULL_READS, HOT_QUERIES } from '../../support/hot-queries.js';
import { fullScansOfGrowingTables, queryPlan, recordPreparedSql } from '../../support/query-plan.js';
import { makeTempDir } from '../../support/temp-dir.js';

/** The plan of a statement on whichever database holds its tables. */
function planOnEither(databases: Database[], sql: string): string[] {
  let lastError: unknown;
  for (const db of databases) {
    try {
      return queryPlan(db, sql);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

describe('query-plan guards: every hot query uses its index, and no query the app runs scans a growing table', () => {
  const store = DataStore.open(makeTempDir());
  after(() => store.close());
  let executed = new Set<string>();
  let databases: { global: Database; profile: Database };
  before(async () => {
    executed = await recordPreparedSql(() => runCommandJourney(store));
    const profileId = store.global().prepare('SELECT id FROM profiles ORDER BY created_at LIMIT 1').pluck().get() as string;
    databases = { global: store.global(), profile: store.profile(profileId) };
  });

  for (const query of HOT_QUERIES) {
    test(query.name, () => {
      assert.ok(executed.has(query.sql), 'the app runs this query (it was prepared during the journey)');
      const plan = queryPlan(databases[query.scope], query.sql);
      assert.ok(
        plan.some((line) => new RegExp(`USING (COVERING )?INDEX ${query.index}\\b`).test(line)),
        `expected ${query.index} in:\n  ${plan.join('\n  ')}`,
      );
      assert.deepEqual(fullScansOfGrowingTables(query.sql, plan), [], 'no full scan of a growing table');
      if (!query.sortsInMemory) assert.equal(plan.some((line) => /USE TEMP B-TREE FOR ORDER BY/.test(line)), false, 'sorts must come from the index');
    });
  }

  test('no statement the app ran in a whole working session scans a growing table, except the deliberate full reads', () => {
    const violations = [...executed].flatMap((sql) => {
      const scanned = fullScansOfGrowingTables(sql, planOnEither([databases.profile, databases.global], sql));
      const allowed = DELIBERATE_FULL_READS.find((read) => read.sql === sql);
      const unexpected = scanned.filter((table) => !allowed?.tables.includes(table));
      return unexpected.length > 0 ? [`${unexpected.join(', ')} <- ${sql.replace(/\s+/g, ' ').trim()}`] : [];
    });
    assert.ok(executed.size > 60, `the journey ran ${executed.size} statements: is the recording still working?`);
    assert.deepEqual(violations, []);
  });

  test('every deliberate full read is one the app still runs (no stale exemption)', () => {
    for (const read of DELIBERATE_FULL_READS) assert.ok(executed.has(read.sql), read.why);
  });

  test('the guard can fail: an optional filter that defeats the index is caught, through its alias', () => {
    const sql = 'SELECT r.created_at FROM runs r WHERE (@projectId IS NULL OR r.project_id = @projectId)';
    assert.deepEqual(fullScansOfGrowingTables(sql, queryPlan(databases.profile, sql)), ['runs']);
    const covering = 'SELECT count(*) FROM quest_attempts';
    assert.deepEqual(fullScansOfGrowingTables(covering, queryPlan(databases.profile, covering)), ['quest_attempts'], 'a covering-index scan still reads every row');
  });
});
