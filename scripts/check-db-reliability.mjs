#!/usr/bin/env node
// The DB reliability gate: named groups of checks, each bound to the tests that prove it. It runs those tests once
// (TAP reporter), then requires every check to have found its tests and every one of them to have passed: 100% per
// group. A check whose tests cannot be found fails the gate as misconfigured, so renaming a test cannot silently
// switch a guard off. Ends with a summary table; exits 1 on any failure.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNBOOK = 'docs/operations/runbook.md#database-recovery';
const PLAN = 'docs/plan/sql-hardening.md';

const F = {
  migrator: 'test/platform/db/migrator.test.ts',
  diagnostics: 'test/platform/db/diagnostics.test.ts',
  snapshots: 'test/platform/db/snapshots.test.ts',
  recovery: 'test/platform/db/recovery.test.ts',
  plans: 'test/platform/db/query-plans.test.ts',
  schema: 'test/platform/db/profile-schema.test.ts',
  operator: 'test/app/operator-cli.test.ts',
};
const MATRIX = 'migration matrix: every prefix upgrades to the fresh-install schema with its rows kept > ';
const DRILL = 'corruption drills: the damaged profile database is quarantined and the newest verified snapshot restored > ';

/** group -> checks; `match` is a substring of "suite > test"; `min` how many tests must match (default 1). */
const DEFAULT_GROUPS = {
  'migration matrix': [
    { label: 'every global prefix upgrades to the fresh schema', file: F.migrator, match: `${MATRIX}global: from`, min: 2 },
    { label: 'every profile prefix upgrades to the fresh schema', file: F.migrator, match: `${MATRIX}profile: from`, min: 3 },
  ],
  'continuity / checksum / newer schema': [
    { label: 'gap refused', file: F.migrator, match: 'migrator > a gap in the applied history is refused' },
    { label: 'renamed step refused', file: F.migrator, match: 'migrator > a renamed applied step breaks continuity' },
    { label: 'edited step refused', file: F.migrator, match: 'migrator > an edited step (checksum differs) is refused' },
    { label: 'newer schema refused, bytes unchanged', file: F.migrator, match: 'migrator > a database from a newer app is refused' },
    { label: 'untracked schema refused', file: F.migrator, match: 'migrator > tables without schema_migrations are refused' },
    { label: 'continuity gap reported by diagnostics', file: F.diagnostics, match: 'a continuity gap is reported, not thrown' },
  ],
  'upgrade paths with data preserved': [
    { label: 'rows survive every profile upgrade path', file: F.migrator, match: `${MATRIX}profile: from 0001`, min: 1 },
    { label: 'a failing step rolls back to the previous version', file: F.migrator, match: 'migrator > a failing step rolls back' },
    { label: 'an FK-violating step is rolled back', file: F.migrator, match: 'migrator > a step that leaves a foreign-key violation' },
  ],
  'snapshot before migration': [
    { label: 'pre-migration snapshot of a database with data', file: F.snapshots, match: 'gets a verified pre-migration snapshot before pending steps run' },
    { label: 'no snapshot for a brand-new database', file: F.snapshots, match: 'a brand-new database gets no pre-migration snapshot' },
    { label: 'no verified snapshot, no migration', file: F.snapshots, match: 'no verified snapshot, no migration' },
    { label: 'a failing hook blocks every step', file: F.migrator, match: 'migrator > a failing beforeMigrate hook blocks every pending step' },
  ],
  retention: [
    { label: 'keeps 5 / 3 / 3 and the migration guard', file: F.snapshots, match: 'snapshot retention > keeps the newest 5 scheduled/manual' },
    { label: 'real snapshots pruned to 5', file: F.snapshots, match: 'snapshot retention > repeated snapshots of a real database are pruned to 5' },
    { label: 'disk-full snapshot deletes nothing', file: F.snapshots, match: 'a disk-full snapshot leaves the database untouched' },
    { label: 'names order by parsed time', file: F.snapshots, match: 'order by parsed time across a schema-version change' },
  ],
  'corruption drills': [
    ...['zeroed header', 'truncated at half', 'a random page overwritten', 'a garbage file', 'a zero-length file', 'a WAL that belongs to another database'].map(
      (kind) => ({ label: kind, file: F.recovery, match: `${DRILL}${kind}` }),
    ),
    { label: 'global database recovered', file: F.recovery, match: 'the global database is recovered the same way' },
    { label: 'newest snapshot damaged: older one restored', file: F.recovery, match: 'when the newest snapshot is damaged too' },
    { label: 'a foreign SQLite file is refused, not quarantined', file: F.recovery, match: 'a foreign SQLite file is refused' },
    { label: 'a newer-schema database is refused, not quarantined', file: F.recovery, match: 'a newer-schema database is refused' },
    { label: 'an injected FK violation is reported, not quarantined', file: F.recovery, match: 'an injected foreign-key violation opens normally' },
    { label: 'no snapshot keeps failing, never an empty database', file: F.recovery, match: 'fails with db_recovery_no_snapshot, keeps the damaged file' },
  ],
  'recovery events': [
    { label: 'reset records the acknowledged loss', file: F.recovery, match: 'after an operator reset the profile works on an empty database' },
    { label: 'operator restore records its event', file: F.recovery, match: 'operator restore > takes a pre-restore snapshot' },
    { label: 'diagnose explains the last recovery', file: F.operator, match: 'after an automatic recovery, diagnose and quarantine list explain' },
    { label: 'restore refused while the data dir is locked', file: F.operator, match: 'restore is refused with exit 4 while another process owns' },
  ],
  'busy-is-not-corrupt': [
    { label: 'a locked database is db_busy and never quarantined', file: F.recovery, match: 'busy is not corrupt' },
  ],
  'query-plan guards': [
    { label: 'every hot query uses its index, no scan of a growing table', file: F.plans, match: 'query-plan guards: every hot query uses its index', min: 10 },
  ],
  'index guards': [
    { label: 'every FK child column is indexed', file: F.schema, match: 'every FK child column leads an index' },
  ],
};

// `--groups FILE` replaces the registry (JSON of the same shape): used by the gate's own test.
const groupsFlag = process.argv.indexOf('--groups');
const GROUPS = groupsFlag > 0 ? JSON.parse(readFileSync(process.argv[groupsFlag + 1], 'utf8')) : DEFAULT_GROUPS;

function runTests(files) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', ...files], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // Run as a top-level test run even when the gate itself is started from a test (its own test does that).
    env: withoutTestContext(process.env),
  });
  return child.stdout ?? '';
}

function withoutTestContext(env) {
  const copy = { ...env };
  delete copy.NODE_TEST_CONTEXT;
  return copy;
}

/** "suite > test" -> 'pass' | 'fail' | 'skip', from nested TAP. */
function parseTap(tap) {
  const results = new Map();
  const stack = [];
  for (const line of tap.split('\n')) {
    const subtest = /^(\s*)# Subtest: (.*)$/.exec(line);
    if (subtest) {
      stack[subtest[1].length / 4] = subtest[2];
      continue;
    }
    const result = /^(\s*)(ok|not ok) \d+ - (.*?)(\s+#\s+(SKIP|TODO)\b.*)?$/.exec(line);
    if (!result) continue;
    const depth = result[1].length / 4;
    const name = [...stack.slice(0, depth), result[3]].join(' > ');
    results.set(name, result[4] ? 'skip' : result[2] === 'ok' ? 'pass' : 'fail');
  }
  return results;
}

const files = [...new Set(Object.values(GROUPS).flat().map((check) => check.file))];
console.log(`DB reliability gate: running ${files.length} test files`);
const results = parseTap(runTests(files));
const leaves = [...results.keys()].filter((name) => ![...results.keys()].some((other) => other.startsWith(`${name} > `)));

const summary = [];
let failures = 0;
for (const [group, checks] of Object.entries(GROUPS)) {
  console.log(`\n== ${group}`);
  let passed = 0;
  for (const check of checks) {
    const matched = leaves.filter((name) => name.includes(check.match));
    const statuses = matched.map((name) => results.get(name));
    let verdict;
    if (matched.length < (check.min ?? 1)) verdict = `MISCONFIGURED: expected at least ${check.min ?? 1} test(s) matching "${check.match}" in ${check.file}, found ${matched.length}`;
    else if (statuses.some((s) => s !== 'pass')) verdict = `FAIL: ${matched.filter((_, i) => statuses[i] !== 'pass').join('; ')}`;
    if (verdict) {
      failures += 1;
      console.log(`[FAIL] ${check.label}\n       ${verdict}\n       see ${RUNBOOK} and ${PLAN}`);
      console.log(`::error title=DB reliability gate (${group})::${check.label}: ${verdict}. See ${RUNBOOK} and ${PLAN}`);
    } else {
      passed += 1;
      console.log(`[PASS] ${check.label} (${matched.length} test${matched.length > 1 ? 's' : ''})`);
    }
  }
  summary.push({ group, checks: checks.length, passed, rate: `${Math.round((passed / checks.length) * 100)}%` });
}

console.log('\n| group | checks | passed | rate |\n|---|---|---|---|');
for (const row of summary) console.log(`| ${row.group} | ${row.checks} | ${row.passed} | ${row.rate} |`);
const total = summary.reduce((sum, row) => sum + row.checks, 0);
if (failures > 0) {
  console.log(`\nDB reliability gate FAILED: ${failures} of ${total} checks. Runbook: ${RUNBOOK}. Plan: ${PLAN}.`);
  process.exit(1);
}
console.log(`\nDB reliability gate passed: ${total} of ${total} checks (100% in every group).`);
