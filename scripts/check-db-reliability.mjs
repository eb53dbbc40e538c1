#!/usr/bin/env node
// The DB reliability gate: named groups of checks, each bound to the tests that prove it in one named file. It runs
// each file on its own (TAP reporter, two at a time), then requires every check to have found its tests in its own
// file, every one of them to have passed, and that file to have exited 0 (a hook that throws or a file that crashes
// after its tests fails every check of that file): 100% per group. A check whose tests cannot be found fails the gate as
// misconfigured, so renaming a test cannot silently switch a guard off. Ends with a summary table; exits 1 on failure.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNBOOK = 'docs/operations/runbook.md#database-recovery';
const PLAN = 'docs/plan/sql-hardening.md';

const F = {
  migrator: 'test/platform/db/migrator.test.ts',
  diagnostics: 'test/platform/db/diagnostics.test.ts',
  states: 'test/platform/db/diagnostics-states.test.ts',
  snapshots: 'test/platform/db/snapshots.test.ts',
  recovery: 'test/platform/db/recovery.test.ts',
  plans: 'test/platform/db/query-plans.test.ts',
  schema: 'test/platform/db/profile-schema.test.ts',
  layout: 'test/platform/db/layout.test.ts',
  operator: 'test/app/operator-cli.test.ts',
  cli: 'test/app/cli.test.ts',
  failures: 'test/commands/database-failures.test.ts',
  payloads: 'test/commands/random-payloads.test.ts',
  quest: 'test/core/quest.test.ts',
  gate: 'test/scripts/check-db-reliability.test.ts',
  runbook: 'test/docs/runbook.test.ts',
};
const MATRIX = 'migration matrix: every prefix upgrades to the fresh-install schema with its rows kept > ';
const DRILL = 'corruption drills: the damaged profile database is quarantined and the newest verified snapshot restored > ';
const FOREIGN_WAL = 'a WAL that belongs to another database (a careless copy) > ';
const STATES = 'read-only diagnostics describe every state a crash or an operator can leave > ';

/** group -> checks; `match` is a substring of "suite > test" in `file`; `min` how many tests must match (default 1). */
const DEFAULT_GROUPS = {
  'migration matrix': [
    { label: 'every global prefix upgrades to the fresh schema', file: F.migrator, match: `${MATRIX}global: from`, min: 2 },
    { label: 'every profile prefix upgrades to the fresh schema', file: F.migrator, match: `${MATRIX}profile: from`, min: 5 },
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
  'retention (manual snapshots are their own class)': [
    { label: 'keeps 5 / 5 / 3 / 3 / 3 and the migration guard', file: F.snapshots, match: 'snapshot retention > keeps the newest 5 scheduled, 5 manual' },
    { label: 'real manual snapshots pruned to 5, other classes kept', file: F.snapshots, match: 'snapshot retention > repeated manual snapshots of a real database are pruned to 5' },
    { label: 'short processes that write take no copy and prune nothing', file: F.snapshots, match: 'a manual snapshot outlives any number of short processes that write' },
    { label: 'a manual snapshot outlives six CLI writes', file: F.operator, match: 'a manual snapshot outlives six CLI writes' },
    { label: 'disk-full snapshot deletes nothing', file: F.snapshots, match: 'a disk-full snapshot leaves the database untouched' },
    { label: 'names order by parsed time', file: F.snapshots, match: 'order by parsed time across a schema-version change' },
  ],
  'corruption drills': [
    ...['zeroed header', 'truncated at half', 'a random page overwritten', 'a garbage file', 'a zero-length file'].map(
      (kind) => ({ label: kind, file: F.recovery, match: `${DRILL}${kind}` }),
    ),
    { label: 'global database recovered', file: F.recovery, match: 'the global database is recovered the same way' },
    { label: 'newest snapshot damaged: older one restored', file: F.recovery, match: 'when the newest snapshot is damaged too' },
    { label: 'a foreign SQLite file is refused, not quarantined', file: F.recovery, match: 'a foreign SQLite file is refused' },
    { label: 'a newer-schema database is refused, not quarantined', file: F.recovery, match: 'a newer-schema database is refused' },
    { label: 'an injected FK violation is reported, not quarantined', file: F.recovery, match: 'an injected foreign-key violation opens normally' },
    { label: 'no snapshot keeps failing, never an empty database', file: F.recovery, match: 'fails with db_recovery_no_snapshot, keeps the damaged file' },
  ],
  'a foreign WAL is never merged (issue 10.1)': [
    { label: 'set aside exactly as found, the intact main file kept', file: F.recovery, match: `${FOREIGN_WAL}is set aside exactly as found` },
    { label: 'with a damaged main file too: both quarantined as found, snapshot restored', file: F.recovery, match: `${FOREIGN_WAL}with a damaged main file too` },
  ],
  'repairs are told (10.2)': [
    { label: 'a pending notice per automatic repair until dismissed', file: F.recovery, match: 'telling the speaker > each automatic recovery is a pending notice' },
    { label: 'an empty snapshot restored over data says so', file: F.recovery, match: 'telling the speaker > restoring a snapshot that holds none' },
    { label: 'one notice line on stderr from the CLI that repaired, once', file: F.operator, match: 'an automatic restore is told on stderr by the command that made it' },
  ],
  'restores (10.3, 10.8, 10.14, 10.23)': [
    { label: 'recovery never resurrects what the operator rolled back', file: F.recovery, match: 'after an operator restore, automatic recovery never brings back' },
    { label: 'a snapshot of another database is refused before anything is touched', file: F.recovery, match: 'a snapshot of another database is refused before anything is touched' },
    { label: 'in-app restore through the commands', file: F.recovery, match: 'db_snapshot_list lists, db_snapshot_restore keeps the current state first' },
    { label: 'in-app restore refused while a job runs', file: F.recovery, match: 'db_snapshot_restore is refused while a job runs' },
    { label: 'a restore killed before or after its swap is completed with its event', file: F.operator, match: 'a restore killed at restore-', min: 2 },
    { label: 'operator restore records its event', file: F.recovery, match: 'operator restore > takes a pre-restore snapshot' },
    { label: 'restore refused while the data dir is locked', file: F.operator, match: 'restore is refused with exit 4 while another process owns' },
  ],
  'snapshots while the app runs (10.4)': [
    { label: 'the app snapshots on a schedule and after a bounded amount of change, off the event loop', file: F.snapshots, match: 'while the app runs >', min: 2 },
  ],
  'diagnostics describe every state, read-only (10.6, 10.7, 10.11, 10.19-10.22)': [
    { label: 'a closed database is one file; diagnose creates none', file: F.states, match: `${STATES}a cleanly closed database is one self-contained file` },
    { label: 'a hot journal is db_interrupted_write, rolled back at the next start', file: F.states, match: `${STATES}a hot rollback journal` },
    { label: 'an empty global.db (first run cut short) is described', file: F.states, match: `${STATES}a first run killed early` },
    { label: 'a zero-length database is damage for diagnose as for the app', file: F.states, match: `${STATES}a profile database truncated to 0 bytes` },
    { label: 'foreign-key violations are a problem', file: F.states, match: `${STATES}foreign-key violations make the report a problem` },
    { label: 'stray temp files counted, then swept', file: F.states, match: `${STATES}temp files left by killed operations` },
    { label: 'a .dump rebuild is a problem and refused', file: F.states, match: 'sqlite3 .dump (application_id 0, user_version 0) > is a problem for diagnose' },
    { label: 'the runbook salvage of a .dump rebuild works', file: F.states, match: 'the runbook salvage yields a database Lectern accepts' },
    { label: 'unlisted profile folders reported and adopted', file: F.states, match: 'are reported by diagnose, and profile_adopt_unlisted brings them back' },
    { label: 'profile_db_diagnostics changes no file on a damaged database', file: F.states, match: 'on a damaged profile database it reports the damage and changes no file' },
    { label: 'profile_db_diagnostics reports a history gap', file: F.states, match: 'a gap in the migration history is reported as continuityOk: false' },
  ],
  'a WAL deleted while the app runs (10.9)': [
    { label: 'noticed, saved at once, told; nothing lost at a crash', file: F.recovery, match: 'a WAL deleted by another program while Lectern runs' },
  ],
  'errors keep their codes (10.10, 10.12, 10.13, 10.18)': [
    { label: 'busy, disk full (session and start), I/O and corruption mid-session', file: F.failures, match: 'SQLite failures after the open reach every client with their own code', min: 4 },
    { label: 'a folder that is not Lectern’s is refused and untouched', file: F.layout, match: 'whose folder --data-dir points at', min: 3 },
    { label: 'a closed pipe ends every CLI command quietly', file: F.cli, match: 'every command exits quietly with its own status when the reader of its output goes away' },
    { label: 'a rejected call changes no byte of any file', file: F.payloads, match: 'a rejected call changes no byte of any file' },
    { label: 'a refused daily quest creates nothing', file: F.quest, match: 'an unknown time zone is refused before the hidden training talk is created' },
    { label: 'every error code is in the runbook with the operator action', file: F.runbook, match: 'the runbook documents exactly the error-code catalogue' },
    { label: 'every error code written in the source is in the catalogue', file: F.runbook, match: 'every error code written in the source is in the catalogue' },
  ],
  'recovery events': [
    { label: 'reset records the acknowledged loss', file: F.recovery, match: 'after an operator reset the profile works on an empty database' },
    { label: 'diagnose explains the last recovery', file: F.operator, match: 'after an automatic recovery, diagnose and quarantine list explain' },
  ],
  'busy-is-not-corrupt': [
    { label: 'a locked database is db_busy and never quarantined', file: F.recovery, match: 'busy is not corrupt' },
  ],
  'query-plan guards (10.15)': [
    { label: 'every hot query is one the app runs, and uses its index', file: F.plans, match: 'query-plan guards: every hot query uses its index', min: 12 },
    { label: 'no statement of a working session scans a growing table', file: F.plans, match: 'no statement the app ran in a whole working session scans a growing table' },
    { label: 'the guard can fail', file: F.plans, match: 'the guard can fail: an optional filter that defeats the index is caught' },
  ],
  'index guards': [
    { label: 'every FK child column is indexed', file: F.schema, match: 'every FK child column leads an index' },
  ],
  'the gate itself (10.16)': [
    { label: 'a file that fails outside its tests, or a hook that throws, fails the gate', file: F.gate, match: 'fails the gate', min: 3 },
  ],
};

// `--groups FILE` replaces the registry (JSON of the same shape): used by the gate's own test.
const groupsFlag = process.argv.indexOf('--groups');
const GROUPS = groupsFlag > 0 ? JSON.parse(readFileSync(process.argv[groupsFlag + 1], 'utf8')) : DEFAULT_GROUPS;

/** Runs one test file in its own process; resolves with its exit code and TAP output. */
function runTestFile(file) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', file], {
      cwd: ROOT,
      // Run as a top-level test run even when the gate itself is started from a test (its own test does that).
      env: withoutTestContext(process.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tap = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => (tap += chunk));
    child.stderr.resume();
    child.on('close', (code, signal) => resolve({ exitCode: code ?? (signal ? `signal ${signal}` : 'unknown'), tap }));
  });
}

/** Every file, `parallel` at a time; a Map file -> { exitCode, results }. */
async function runTestFiles(files, parallel = 2) {
  const outcomes = new Map();
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      const { exitCode, tap } = await runTestFile(file);
      outcomes.set(file, { exitCode, results: parseTap(tap) });
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return outcomes;
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
const outcomes = await runTestFiles(files);

/** The leaf tests of one file (suites are not counted: their own result repeats their tests'). */
function leavesOf(results) {
  const names = [...results.keys()];
  return names.filter((name) => !names.some((other) => other.startsWith(`${name} > `)));
}

const summary = [];
let failures = 0;
for (const [group, checks] of Object.entries(GROUPS)) {
  console.log(`\n== ${group}`);
  let passed = 0;
  for (const check of checks) {
    const { exitCode, results } = outcomes.get(check.file);
    const matched = leavesOf(results).filter((name) => name.includes(check.match));
    const statuses = matched.map((name) => results.get(name));
    let verdict;
    if (matched.length < (check.min ?? 1)) verdict = `MISCONFIGURED: expected at least ${check.min ?? 1} test(s) matching "${check.match}" in ${check.file}, found ${matched.length}`;
    else if (statuses.some((s) => s !== 'pass')) verdict = `FAIL: ${matched.filter((_, i) => statuses[i] !== 'pass').join('; ')}`;
    else if (exitCode !== 0) verdict = `FAIL: ${check.file} exited with ${exitCode} (a hook threw, or the file failed outside its tests)`;
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
