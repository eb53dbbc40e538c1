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

/** A test file of its own, written for the gate to run (plain JavaScript: nothing to compile). */
function testFile(body: string): string {
  const file = join(makeTempDir(), 'fixture.test.mjs');
  writeFileSync(file, `import { before, describe, test } from 'node:test';\n${body}\n`);
  return file;
}

test('a file that exits non-zero although its tests passed fails the gate', () => {
  const file = testFile(`test('a guard', () => {});\nprocess.on('exit', () => { process.exitCode = 7; });`);
  const result = runGate({ guards: [{ label: 'the guard', file, match: 'a guard' }] });
  assert.equal(result.status, 1, result.stdout);
  assert.match(result.stdout, /\[FAIL\] the guard\s+FAIL: .*fixture\.test\.mjs exited with 1/);
});

test('a hook that throws fails the gate for the checks of that suite', () => {
  const file = testFile(`describe('suite', () => {\n  before(() => { throw new Error('the fixture could not be built'); });\n  test('a guard', () => {});\n});`);
  const result = runGate({ guards: [{ label: 'the guard', file, match: 'suite > a guard' }] });
  assert.equal(result.status, 1, result.stdout);
  assert.match(result.stdout, /\[FAIL\] the guard/);
});

test('a check is tied to its own file: a passing test of the same name elsewhere does not satisfy it, which fails the gate', () => {
  const elsewhere = testFile(`test('a guard', () => {});`);
  const own = testFile(`test('something else', () => {});`);
  const result = runGate({ guards: [{ label: 'needs its own', file: own, match: 'a guard' }, { label: 'runs the other file', file: elsewhere, match: 'a guard' }] });
  assert.equal(result.status, 1, result.stdout);
  assert.match(result.stdout, /\[FAIL\] needs its own\s+MISCONFIGURED/);
  assert.match(result.stdout, /\[PASS\] runs the other file/);
});
