/**
 * Benchmark: Lectern's snapshot against a plain file copy, and Lectern's first open against a bare open + quick_check.
 *
 * Not a timed test: every Lectern number is reported as a ratio to a baseline measured in the same run, on the same
 * database file, so the result says something on any machine. The cases of a benchmark are interleaved (their order
 * rotates each repetition) after one warm-up of each, and the report gives medians. It asserts nothing about time:
 * it exits 0 whatever the numbers; only a crash exits non-zero.
 *
 * Usage: npm run bench   (prints a table, overwrites docs/benchmarks.md)
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statfsSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { migrationStepsFor } from '../src/platform/db/migration-steps.js';
import { forgetIntegrityCheck, openOwnedDatabase, type OpenDatabaseOptions } from '../src/platform/db/open-database.js';
import { profileScope } from '../src/platform/db/scope.js';
import { copyQuiescentDatabase } from '../src/platform/db/snapshots/copy-quiescent-database.js';
import { median } from './median.js';
import { writeReportSection } from './report-section.js';
import { generateHeavyProfile, RUNS, type HeavyProfileStats as DatabaseStats } from './heavy-profile.js';
import { takeSnapshot } from '../src/platform/db/snapshots/snapshot-service.js';
import { verifySnapshotFile } from '../src/platform/db/snapshots/verify-snapshot.js';

/** The profile the benchmark's database stands for. */
const BENCH_SCOPE = profileScope(`prof_${'0'.repeat(32)}`);

const WARMUPS = 1;
const SNAPSHOT_REPETITIONS = 5;
const OPEN_REPETITIONS = 7;
/** The issue's goals: the largest acceptable Lectern / baseline ratio. */
const GOALS = { snapshot: 1.5, firstOpen: 1.2 } as const;
const REPORT_URL = new URL('../docs/benchmarks.md', import.meta.url);

const OPEN_OPTIONS: OpenDatabaseOptions = {
  label: 'bench',
  known: migrationStepsFor(BENCH_SCOPE),
};


interface SnapshotResult {
  cp: number[];
  copyFile: number[];
  snapshot: number[];
  quiescentCopy: number[];
  vacuumInto: number[];
  verify: number[];
  snapshotBytes: number;
}

interface FirstOpenResult {
  bare: number[];
  lectern: number[];
}

interface Machine {
  cpu: string;
  cpuCount: number;
  platform: string;
  node: string;
  sqlite: string;
  tempFileSystem: string;
}

/** One thing to time. `before` and `after` run outside the timing, around every execution of `timed`. */
interface BenchCase {
  name: string;
  before?: () => void;
  timed: () => void;
  after?: () => void;
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------------------------

/** Wall time of `work`, in milliseconds. */
function timeMs(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function runCase(benchCase: BenchCase): number {
  benchCase.before?.();
  const ms = timeMs(benchCase.timed);
  benchCase.after?.();
  return ms;
}

/**
 * Each case once unrecorded (warm-up), then `repetitions` rounds of every case. The order rotates each round, so no
 * case always runs first (cold-ish caches) or always right after the same neighbour.
 */
function measureInterleaved(cases: readonly BenchCase[], repetitions: number): Map<string, number[]> {
  for (let warmup = 0; warmup < WARMUPS; warmup++) for (const benchCase of cases) runCase(benchCase);
  const samples = new Map<string, number[]>(cases.map((benchCase) => [benchCase.name, []]));
  for (let round = 0; round < repetitions; round++) {
    for (let i = 0; i < cases.length; i++) {
      const benchCase = cases[(round + i) % cases.length]!;
      samples.get(benchCase.name)!.push(runCase(benchCase));
    }
  }
  return samples;
}

function samplesOf(samples: Map<string, number[]>, name: string): number[] {
  const values = samples.get(name);
  if (!values) throw new Error(`no samples for ${name}`);
  return values;
}

// ---------------------------------------------------------------------------------------------------------------
// The database
// ---------------------------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------------------------
// The benchmarks
// ---------------------------------------------------------------------------------------------------------------

/**
 * Snapshot of the live (open) database vs copying its file. Every copy goes to the database's own folder, so all
 * cases write to the same file system. Also times VACUUM INTO alone and verifySnapshotFile alone (quick_check +
 * sha256 of a fresh copy), to show where the snapshot's time goes.
 */
function benchSnapshot(dbPath: string, workDir: string): SnapshotResult {
  const { db } = openOwnedDatabase(dbPath, OPEN_OPTIONS);
  const copyPath = join(workDir, 'copy.db');
  const removeCopy = () => rmSync(copyPath, { force: true });
  let backupsDir = '';
  let backupsCount = 0;
  let snapshotPath = '';
  let snapshotBytes = 0;
  try {
    const cases: BenchCase[] = [
      {
        name: 'cp',
        timed: () => {
          const result = spawnSync('cp', [dbPath, copyPath]);
          if (result.status !== 0) throw new Error(`cp failed: ${result.stderr.toString()}`);
        },
        after: removeCopy,
      },
      { name: 'copyFile', timed: () => copyFileSync(dbPath, copyPath), after: removeCopy },
      {
        name: 'snapshot',
        // A fresh, empty backups folder each time: retention never has anything to prune or list.
        before: () => {
          backupsDir = join(workDir, `backups-${++backupsCount}`);
          mkdirSync(backupsDir, { mode: 0o700 });
        },
        timed: () => {
          snapshotPath = takeSnapshot({ db, scope: BENCH_SCOPE, backupsDir, reason: 'manual', appVersion: 'bench' }).path;
        },
        after: () => {
          snapshotBytes = statSync(snapshotPath).size;
          rmSync(backupsDir, { recursive: true, force: true });
        },
      },
      {
        name: 'quiescentCopy',
        timed: () => {
          if (!copyQuiescentDatabase(db, copyPath)) throw new Error('the WAL could not be emptied');
        },
        after: removeCopy,
      },
      { name: 'vacuumInto', timed: () => db.prepare('VACUUM INTO ?').run(copyPath), after: removeCopy },
      {
        name: 'verify',
        before: () => copyQuiescentDatabase(db, copyPath),
        timed: () => {
          const verification = verifySnapshotFile(copyPath, { target: BENCH_SCOPE });
          if (!verification.ok) throw new Error(`the copy did not verify: ${verification.problem}`);
        },
        after: removeCopy,
      },
    ];
    const samples = measureInterleaved(cases, SNAPSHOT_REPETITIONS);
    return {
      cp: samplesOf(samples, 'cp'),
      copyFile: samplesOf(samples, 'copyFile'),
      snapshot: samplesOf(samples, 'snapshot'),
      quiescentCopy: samplesOf(samples, 'quiescentCopy'),
      vacuumInto: samplesOf(samples, 'vacuumInto'),
      verify: samplesOf(samples, 'verify'),
      snapshotBytes,
    };
  } finally {
    db.close();
  }
}

/** The first open of a closed file in a process: a bare open + quick_check vs openOwnedDatabase (nothing pending). */
function benchFirstOpen(dbPath: string): FirstOpenResult {
  const cases: BenchCase[] = [
    {
      name: 'bare',
      timed: () => {
        const db = new Database(dbPath);
        db.pragma('quick_check');
        db.close();
      },
    },
    {
      name: 'lectern',
      // Without this, the process-wide memo would skip quick_check from the second open on.
      before: () => forgetIntegrityCheck(dbPath),
      timed: () => {
        const { db, migration } = openOwnedDatabase(dbPath, OPEN_OPTIONS);
        db.close();
        if (migration.applied.length > 0) throw new Error('the benchmark database was not current');
      },
    },
  ];
  const samples = measureInterleaved(cases, OPEN_REPETITIONS);
  return { bare: samplesOf(samples, 'bare'), lectern: samplesOf(samples, 'lectern') };
}

// ---------------------------------------------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------------------------------------------

const FILE_SYSTEMS: Record<number, string> = {
  0xef53: 'ext4',
  0x01021994: 'tmpfs',
  0x9123683e: 'btrfs',
  0x58465342: 'xfs',
  0x794c7630: 'overlayfs',
  0x2fc12fc1: 'zfs',
};

function fileSystemOf(path: string): string {
  const type = statfsSync(path).type;
  return FILE_SYSTEMS[type] ?? `type 0x${type.toString(16)}`;
}

function describeMachine(dbPath: string): Machine {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const cpus = os.cpus();
    return {
      cpu: cpus[0]?.model ?? 'unknown',
      cpuCount: cpus.length,
      platform: `${os.platform()} ${os.release()} (${os.arch()})`,
      node: process.version,
      sqlite: String(db.prepare('SELECT sqlite_version()').pluck().get()),
      tempFileSystem: fileSystemOf(os.tmpdir()),
    };
  } finally {
    db.close();
  }
}

const ms = (value: number) => value.toFixed(1);
const ratio = (value: number) => `${value.toFixed(2)}x`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const range = (values: readonly number[]) => `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;

function verdict(measured: number, goal: number): string {
  return measured <= goal ? `**met** (${ratio(measured)} ≤ ${goal}x)` : `**not met** (${ratio(measured)} > ${goal}x)`;
}

interface Row {
  measure: string;
  baseline: string;
  baselineSamples: readonly number[];
  lectern: string;
  lecternSamples: readonly number[];
  goal: number | null;
}

function rowsOf(snapshot: SnapshotResult, firstOpen: FirstOpenResult): Row[] {
  return [
    {
      measure: 'Snapshot vs cp',
      baseline: '`cp` (spawned)',
      baselineSamples: snapshot.cp,
      lectern: '`takeSnapshot`',
      lecternSamples: snapshot.snapshot,
      goal: GOALS.snapshot,
    },
    {
      measure: 'Snapshot vs copyFileSync',
      baseline: '`fs.copyFileSync`',
      baselineSamples: snapshot.copyFile,
      lectern: '`takeSnapshot`',
      lecternSamples: snapshot.snapshot,
      goal: null,
    },
    {
      measure: 'First open',
      baseline: '`new Database` + `quick_check` + close',
      baselineSamples: firstOpen.bare,
      lectern: '`openOwnedDatabase` + close',
      lecternSamples: firstOpen.lectern,
      goal: GOALS.firstOpen,
    },
  ];
}

function rowRatio(row: Row): number {
  return median(row.lecternSamples) / median(row.baselineSamples);
}

function printTable(rows: readonly Row[], snapshot: SnapshotResult): void {
  console.log('');
  console.log(`${'measure'.padEnd(26)}${'baseline ms'.padStart(13)}${'Lectern ms'.padStart(13)}${'ratio'.padStart(9)}  goal`);
  for (const row of rows) {
    const measured = rowRatio(row);
    const goal = row.goal === null ? '(informative)' : `≤ ${row.goal}x: ${measured <= row.goal ? 'met' : 'NOT met'}`;
    console.log(
      `${row.measure.padEnd(26)}${ms(median(row.baselineSamples)).padStart(13)}` +
        `${ms(median(row.lecternSamples)).padStart(13)}${ratio(measured).padStart(9)}  ${goal}`,
    );
  }
  const total = median(snapshot.snapshot);
  console.log(
    `snapshot breakdown (medians): checkpoint + copy ${ms(median(snapshot.quiescentCopy))} ms ` +
      `(VACUUM INTO fallback ${ms(median(snapshot.vacuumInto))} ms), ` +
      `verify ${ms(median(snapshot.verify))} ms, of ${ms(total)} ms total`,
  );
  console.log('');
}

function renderReport(stats: DatabaseStats, machine: Machine, snapshot: SnapshotResult, firstOpen: FirstOpenResult): string {
  const rows = rowsOf(snapshot, firstOpen);
  const [snapshotRow, , openRow] = rows;
  const total = median(snapshot.snapshot);
  const copy = median(snapshot.quiescentCopy);
  const vacuum = median(snapshot.vacuumInto);
  const verify = median(snapshot.verify);
  const rest = Math.max(0, total - copy - verify);
  const share = (part: number) => `${Math.round((part / total) * 100)}%`;
  const cp = median(snapshot.cp);

  return `# Benchmarks

Generated by \`bench/snapshot-and-open.bench.ts\` on ${new Date().toISOString().slice(0, 10)}; every run of the
benchmark replaces this section. Reproduce with:

\`\`\`sh
npm run bench
\`\`\`

## What is measured, and how

These are not timed tests. Each Lectern operation is compared with a baseline **measured in the same run, on the same
database file**, and reported as a ratio, so the result carries over from one machine to another better than a raw
time would. Each benchmark runs every case once as a warm-up, then ${SNAPSHOT_REPETITIONS} (snapshot) or
${OPEN_REPETITIONS} (first open) rounds, rotating the order of the cases every round; the tables give **medians**.
Time is \`process.hrtime.bigint()\` around the operation only: opening the database, creating a fresh backups folder
and deleting the copies happen outside it. The script asserts nothing about time: it exits 0 whatever the numbers.

- **Snapshot.** Lectern: \`takeSnapshot({ scope: 'profile', reason: 'manual' })\` on an open connection: checkpoint
  the WAL (TRUNCATE), hold the write lock and copy the file (\`copyQuiescentDatabase\`; \`VACUUM INTO\` is the fallback
  when another process's reader keeps the WAL from emptying), verify the copy (read-only open, \`quick_check\`,
  application_id, migration history, sha256), fsync, atomic rename, folder fsync, manifest written atomically,
  retention (a fresh, empty backups folder each time, so it has nothing to prune). Baselines: \`cp\` of the database
  file to the same folder (\`spawnSync('cp', …)\`), and \`fs.copyFileSync\`. The copy step alone, \`VACUUM INTO\` alone
  and \`verifySnapshotFile\` alone are timed as extra cases to show where the time goes.
- **First open.** The first open of the closed file in a process. Lectern: \`openOwnedDatabase\` (foreign-file and
  migration continuity/checksum checks, connection posture, \`quick_check\` with CHECK-constraint evaluation off, no
  pending step, posture verified again) + close, with
  \`forgetIntegrityCheck\` called before each (untimed) so that \`quick_check\` really runs every time. Baseline:
  \`new Database(path)\` + \`PRAGMA quick_check\` + close.

## Machine

| | |
|---|---|
| CPU | ${machine.cpu} |
| CPUs | ${machine.cpuCount} |
| OS | ${machine.platform} |
| Node | ${machine.node} |
| SQLite | ${machine.sqlite} (better-sqlite3) |
| File system of the temp dir | ${machine.tempFileSystem} |

## Database

A profile database generated for the run in a fresh temp dir (created with \`openOwnedDatabase\`, so fully migrated),
rows inserted in one transaction, then \`PRAGMA wal_checkpoint(TRUNCATE)\`:

| | |
|---|---|
| File size | ${mib(stats.bytes)} (${stats.bytes.toLocaleString('en-US')} bytes) |
| Snapshot size | ${mib(snapshot.snapshotBytes)} |
| \`talk_projects\` | ${stats.projects.toLocaleString('en-US')} |
| \`runs\` | ${stats.runs.toLocaleString('en-US')} (spread across the talks, each with an audio artifact) |
| \`artifacts\` | ${stats.artifacts.toLocaleString('en-US')} (type \`audio\`) |
| Generation time | ${(stats.generationMs / 1000).toFixed(1)} s |

## Results

| Measure | Baseline | Baseline ms (median; min–max) | Lectern | Lectern ms (median; min–max) | Ratio | Goal |
|---|---|---|---|---|---|---|
${rows
  .map(
    (row) =>
      `| ${row.measure} | ${row.baseline} | ${ms(median(row.baselineSamples))}; ${range(row.baselineSamples)} | ` +
      `${row.lectern} | ${ms(median(row.lecternSamples))}; ${range(row.lecternSamples)} | ${ratio(rowRatio(row))} | ` +
      `${row.goal === null ? 'informative' : `≤ ${row.goal}x`} |`,
  )
  .join('\n')}

### Goals

- **Snapshot within ${GOALS.snapshot}x of \`cp\`:** ${verdict(rowRatio(snapshotRow!), GOALS.snapshot)}.
- **First open within ${GOALS.firstOpen}x of a bare open + \`quick_check\`:** ${verdict(rowRatio(openRow!), GOALS.firstOpen)}.

### Where the snapshot's time goes

| Part | ms (median) | Share of the snapshot | vs \`cp\` |
|---|---|---|---|
| Checkpoint + locked file copy (\`copyQuiescentDatabase\`, the normal path) | ${ms(copy)} | ${share(copy)} | ${ratio(copy / cp)} |
| (\`VACUUM INTO\` alone: the fallback path, not part of the total) | ${ms(vacuum)} | – | ${ratio(vacuum / cp)} |
| Verification alone (\`verifySnapshotFile\`: sha256 + read-only open + \`quick_check\` + header/history reads) | ${ms(verify)} | ${share(verify)} | ${ratio(verify / cp)} |
| The rest (fsync of the file, rename, folder fsync, manifest, retention), by difference | ${ms(rest)} | ${share(rest)} | ${ratio(rest / cp)} |
| **\`takeSnapshot\` total** | ${ms(total)} | 100% | ${ratio(total / cp)} |

The parts are medians of separate cases, so they need not add up exactly to the total; "the rest" is the total minus
the two measured parts (0 if negative).

Reading the numbers: the copy itself costs what \`cp\` costs; what a snapshot adds is its **verification**, which reads
the new file twice (sha256 for the manifest, then \`quick_check\`). That is the price of never keeping, or later
restoring, a snapshot nobody checked (the reference's weakness), and it is not negotiable for Lectern; neither
baseline checks anything. The baselines do not fsync their copy either, while the snapshot does (file and folder), so
on a file system where fsync is expensive the gap widens. \`VACUUM INTO\` rebuilds the database page by page and is
only used when a reader in another process pins the WAL.

The first open is cheaper than the bare baseline because Lectern's startup \`quick_check\` runs with CHECK-constraint
evaluation off (\`ignore_check_constraints\`): on a read-write connection \`quick_check\` otherwise re-evaluates every
CHECK of every row, which on these strictly checked tables is most of its cost. The constraints were enforced when the
rows were written; the structural check is what detects a damaged file.
`;
}

function writeReport(stats: DatabaseStats, machine: Machine, snapshot: SnapshotResult, firstOpen: FirstOpenResult): void {
  printTable(rowsOf(snapshot, firstOpen), snapshot);
  writeReportSection(REPORT_URL, 'snapshot-and-open', renderReport(stats, machine, snapshot, firstOpen).replace(/\n## /g, '\n### ').replace(/^# Benchmarks\n/, '## Snapshots and first open\n'));
  console.log(`Report written to docs/benchmarks.md`);
}

// ---------------------------------------------------------------------------------------------------------------

function main(): void {
  const workDir = mkdtempSync(join(os.tmpdir(), 'lectern-bench-'));
  try {
    const dbPath = join(workDir, 'profile.db');
    console.log(`Generating a profile database with ${RUNS.toLocaleString('en-US')} runs in ${workDir} ...`);
    const stats = generateHeavyProfile(dbPath, OPEN_OPTIONS);
    console.log(
      `  ${mib(stats.bytes)}: ${stats.projects} talk_projects, ${stats.runs} runs, ${stats.artifacts} artifacts ` +
        `(${(stats.generationMs / 1000).toFixed(1)} s)`,
    );
    const machine = describeMachine(dbPath);
    console.log(`Snapshot vs cp: ${WARMUPS} warm-up + ${SNAPSHOT_REPETITIONS} rounds ...`);
    const snapshot = benchSnapshot(dbPath, workDir);
    console.log(`First open vs bare open + quick_check: ${WARMUPS} warm-up + ${OPEN_REPETITIONS} rounds ...`);
    const firstOpen = benchFirstOpen(dbPath);
    writeReport(stats, machine, snapshot, firstOpen);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main();
