/**
 * Benchmark: the snapshot the running app takes on its schedule (a worker thread, VACUUM INTO on its own read-only
 * connection), on a 100,000-run profile, against `cp` of the same file; and what the app's own work feels while it
 * runs: the event loop's delay and the latency of writes on the app's connection (an insert every 5 ms), each compared
 * with the same measure over the same time with no snapshot running, and with the blocking snapshot of a short CLI
 * process (`takeSnapshot` on the main thread).
 *
 * Not a timed test: it reports medians and ratios measured in one run and asserts nothing; only a crash exits non-zero.
 * Usage: npm run bench (writes its section of docs/benchmarks.md).
 */
import type { Database as Db } from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { migrationStepsFor } from '../src/platform/db/migration-steps.js';
import { openOwnedDatabase, type OpenDatabaseOptions } from '../src/platform/db/open-database.js';
import { profileScope } from '../src/platform/db/scope.js';
import { takeSnapshotInBackground } from '../src/platform/db/snapshots/background-snapshot.js';
import { takeSnapshot } from '../src/platform/db/snapshots/snapshot-service.js';
import { generateHeavyProfile, RUNS } from './heavy-profile.js';
import { median } from './median.js';
import { writeReportSection } from './report-section.js';

const SCOPE = profileScope(`prof_${'0'.repeat(32)}`);
const OPEN_OPTIONS: OpenDatabaseOptions = { label: 'bench', known: migrationStepsFor(SCOPE) };
const ROUNDS = 5;
const WRITE_EVERY_MS = 5;
const REPORT_URL = new URL('../docs/benchmarks.md', import.meta.url);

/** What the app's own work felt during one stretch of time. */
interface Felt {
  durationMs: number;
  /** The longest the event loop was held, and its 99th percentile (ms). */
  loopMaxMs: number;
  loopP99Ms: number;
  /** The slowest write on the app's connection, from asking to done (ms), and how many writes were made. */
  writeMaxMs: number;
  writes: number;
}

/**
 * Runs `work` while a timer writes a row every 5 ms on the app's connection and the event loop's delay is sampled;
 * `work` returning a promise means the main thread stays free meanwhile.
 */
async function feel(db: Db, work: () => Promise<unknown> | void): Promise<Felt> {
  const insert = db.prepare(`INSERT INTO profile_settings (key, value_json, updated_at) VALUES (?, '1', 't')
    ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json`);
  const loop = monitorEventLoopDelay({ resolution: 1 });
  let writes = 0;
  let writeMaxMs = 0;
  let expectedAt = performance.now() + WRITE_EVERY_MS;
  const timer = setInterval(() => {
    const started = performance.now();
    insert.run(`bench.write.${writes % 50}`);
    // The write's own time plus how late the timer fired: what a request arriving then would have waited.
    writeMaxMs = Math.max(writeMaxMs, performance.now() - expectedAt);
    expectedAt = started + WRITE_EVERY_MS;
    writes += 1;
  }, WRITE_EVERY_MS);
  loop.enable();
  const started = performance.now();
  await work();
  const durationMs = performance.now() - started;
  loop.disable();
  clearInterval(timer);
  return { durationMs, loopMaxMs: loop.max / 1e6, loopP99Ms: loop.percentile(99) / 1e6, writeMaxMs, writes };
}

function idleFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function cpMs(source: string, target: string): number {
  const started = performance.now();
  const result = spawnSync('cp', [source, target]);
  if (result.status !== 0) throw new Error('cp failed');
  const elapsed = performance.now() - started;
  rmSync(target, { force: true });
  return elapsed;
}

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(os.tmpdir(), 'lectern-bench-running-'));
  try {
    const dbPath = join(workDir, 'profile.db');
    console.log(`Generating a profile database with ${RUNS.toLocaleString('en-US')} runs ...`);
    const stats = generateHeavyProfile(dbPath, OPEN_OPTIONS);
    const { db } = openOwnedDatabase(dbPath, OPEN_OPTIONS);
    const rounds = { cp: [] as number[], background: [] as Felt[], idle: [] as Felt[], blocking: [] as Felt[] };
    try {
      for (let round = 0; round <= ROUNDS; round += 1) {
        const backupsDir = join(workDir, `backups-${round}`);
        mkdirSync(backupsDir, { mode: 0o700 });
        const cp = cpMs(dbPath, join(workDir, 'copy.db'));
        const background = await feel(db, () =>
          takeSnapshotInBackground({ dbPath, scope: SCOPE, backupsDir, reason: 'scheduled', appVersion: 'bench' }),
        );
        const idle = await feel(db, () => idleFor(background.durationMs));
        const blocking = await feel(db, async () => {
          await idleFor(WRITE_EVERY_MS * 2);
          takeSnapshot({ db, scope: SCOPE, backupsDir, reason: 'manual', appVersion: 'bench' });
          await idleFor(WRITE_EVERY_MS * 2);
        });
        rmSync(backupsDir, { recursive: true, force: true });
        if (round === 0) continue; // warm-up
        rounds.cp.push(cp);
        rounds.background.push(background);
        rounds.idle.push(idle);
        rounds.blocking.push(blocking);
        console.log(`  round ${round}: cp ${cp.toFixed(0)} ms, background snapshot ${background.durationMs.toFixed(0)} ms`);
      }
    } finally {
      db.close();
    }
    const report = render(stats.bytes, rounds);
    console.log(report);
    writeReportSection(REPORT_URL, 'running-snapshot', report);
    console.log('Report written to docs/benchmarks.md');
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function render(bytes: number, rounds: { cp: number[]; background: Felt[]; idle: Felt[]; blocking: Felt[] }): string {
  const m = (felts: Felt[], key: keyof Felt) => median(felts.map((felt) => felt[key]));
  const ms = (value: number) => value.toFixed(1);
  const cp = median(rounds.cp);
  const background = m(rounds.background, 'durationMs');
  const row = (name: string, felts: Felt[]) =>
    `| ${name} | ${ms(m(felts, 'durationMs'))} | ${ms(m(felts, 'loopMaxMs'))} | ${ms(m(felts, 'loopP99Ms'))} | ${ms(m(felts, 'writeMaxMs'))} | ${m(felts, 'writes')} |`;
  return `## Snapshots while the app runs

A ${(bytes / 1024 / 1024).toFixed(1)} MiB profile database with ${RUNS.toLocaleString('en-US')} runs, open in the app
(\`bench/running-snapshot.bench.ts\`, ${ROUNDS} rounds after a warm-up, medians; ${os.cpus().length} cores, Node
${process.version}). The app's scheduled snapshot runs in a worker thread on its own read-only connection (VACUUM INTO,
then the same verification as every snapshot: quick_check and sha256 of the copy). Meanwhile the app's connection
writes a row every ${WRITE_EVERY_MS} ms, and the event loop's delay is sampled.

**Cost**: the background snapshot takes ${ms(background)} ms, **${(background / cp).toFixed(2)}x** \`cp\` of the same file
(${ms(cp)} ms), verification included.

**Requests are not blocked** while it runs: compare the first two rows (the same stretch of time, with and without the
snapshot). The third row is the blocking snapshot a short CLI process takes on its main thread (checkpoint, copy
under the write lock, verification), which the app no longer uses while it serves requests.

| while… | duration ms | event loop max delay ms | event loop p99 ms | slowest write ms | writes made |
|---|---|---|---|---|---|
${row('the background snapshot runs (app)', rounds.background)}
${row('nothing runs (baseline)', rounds.idle)}
${row('a blocking snapshot runs (CLI)', rounds.blocking)}

Event loop max delay during the background snapshot: **${(m(rounds.background, 'loopMaxMs') / m(rounds.idle, 'loopMaxMs')).toFixed(2)}x**
the idle baseline; slowest write **${(m(rounds.background, 'writeMaxMs') / m(rounds.idle, 'writeMaxMs')).toFixed(2)}x** the idle
baseline (the blocking snapshot: ${(m(rounds.blocking, 'writeMaxMs') / m(rounds.idle, 'writeMaxMs')).toFixed(1)}x). The machine is shared
(other work ran during the measurement), so single delays of a few ms are noise; what matters is the order of magnitude.
`;
}

await main();
