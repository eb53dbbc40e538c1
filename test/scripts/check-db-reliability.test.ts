import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/cli.js';
import { makeTempDir } from '../support/temp-dir.js';

function runGate(groups: object) {
  const file = join(makeTempDir(), 'groups.json');
  writeFileSync(file, JSON.stringify(groups));
  return spawnSync(process.execPath, ['scripts/check-db-reliability.mjs', '--groups', file], { cwd: REPO_ROOT, encoding: 'utf8' });
}

const KERNEL = 'test/kernel/kernel.test.ts';

test('the gate passes when every check finds its passing tests, and ends with a summary table', () => {
  const result = runGate({ kernel: [{ label: 'ids', file: KERNEL, match: 'ids > every prefix mints' }] });
  assert.equal(result.status, 0, result.stdout);
  assert.match(result.stdout, /\[PASS\] ids/);
  assert.match(result.stdout, /\| kernel \| 1 \| 1 \| 100% \|/);
});

test('a check whose test cannot be found fails the gate as misconfigured, with the runbook and plan links', () => {
  const result = runGate({ kernel: [{ label: 'renamed away', file: KERNEL, match: 'a test that does not exist' }] });
  assert.equal(result.status, 1);
  assert.match(result.stdout, /\[FAIL\] renamed away\s+MISCONFIGURED/);
  assert.match(result.stdout, /docs\/operations\/runbook\.md#database-recovery/);
  assert.match(result.stdout, /docs\/plan\/sql-hardening\.md/);
  assert.match(result.stdout, /\| kernel \| 1 \| 0 \| 0% \|/);
});

test('fewer matching tests than a check requires also fails it', () => {
  const result = runGate({ kernel: [{ label: 'needs many', file: KERNEL, match: 'ids > every prefix mints', min: 5 }] });
  assert.equal(result.status, 1);
  assert.match(result.stdout, /expected at least 5/);
});
