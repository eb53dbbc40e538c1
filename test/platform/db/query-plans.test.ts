import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Database } from 'better-sqlite3';
import { createProfile } from '../../../src/core/workspace/index.js';
import { DataStore } from '../../../src/platform/db/data-store.js';
import { HOT_QUERIES } from '../../support/hot-queries.js';
import { makeTempDir } from '../../support/temp-dir.js';

function queryPlan(db: Database, sql: string): string[] {
  const parameters = (sql.match(/\?/g) ?? []).map(() => null);
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as Array<{ detail: string }>).map((row) => row.detail);
}

describe('query-plan guards: every hot query uses its index and never scans a growing table', () => {
  const store = DataStore.open(makeTempDir());
  after(() => store.close());
  const profile = createProfile(store, 'Ada');
  const databases = { global: store.global(), profile: store.profile(profile.id) };

  for (const query of HOT_QUERIES) {
    test(query.name, () => {
      const plan = queryPlan(databases[query.scope], query.sql);
      assert.ok(
        plan.some((line) => new RegExp(`USING (COVERING )?INDEX ${query.index}\\b`).test(line)),
        `expected ${query.index} in:\n  ${plan.join('\n  ')}`,
      );
      for (const table of query.growing) {
        const fullScan = plan.find((line) => new RegExp(`^SCAN ${table}\\b(?!.*USING)`).test(line));
        assert.equal(fullScan, undefined, `full scan of ${table}`);
      }
      assert.equal(plan.some((line) => /USE TEMP B-TREE FOR ORDER BY/.test(line)), false, 'sorts must come from the index');
    });
  }

  test('the guard can fail: a query on an unindexed column is caught', () => {
    const plan = queryPlan(databases.profile, 'SELECT * FROM runs WHERE created_at > ?');
    assert.equal(plan.some((line) => /USING (COVERING )?INDEX idx_runs_project_time\b/.test(line)), false);
    assert.ok(plan.some((line) => /^SCAN runs\b/.test(line)));
  });
});
