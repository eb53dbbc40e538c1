/**
 * Benchmark: start-to-first-page of the packaged app, against bare Node and against Node opening the databases, and
 * today's checkout paths (`bin/lectern` through tsx, and `npm start`), all measured in the same run.
 *
 * Start-to-first-page is the time from spawning the process to a 200 for the first page fetched through the launch
 * link it prints: read the link from stdout, GET it (the token becomes the session cookie), GET / with the cookie.
 * Baselines are timed from spawn to exit: `node -e 0`, and a Node process that opens the data folder's global database
 * with better-sqlite3 and runs `quick_check` (what `lectern start` must do before serving). Cases run interleaved,
 * their order rotating each round, after one warm-up each; the report gives medians. Each app run is stopped with
 * SIGTERM outside the timing. It asserts nothing about time and exits 0 whatever the numbers.
 *
 * The package is made as a user gets it: `npm pack` (which builds) and `npm install -g` into a temporary prefix, with
 * better-sqlite3's addon taken from this checkout's build (test/support/package-install.ts says why).
 *
 * Usage: node --import tsx bench/start-to-first-page.bench.ts   (also part of `npm run bench`)
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import { join } from 'node:path';
import { CHECKOUT_APP, type AppCommand } from '../test/support/app-process.js';
import { REPO_ROOT } from '../test/support/cli.js';
import { http } from '../test/support/http.js';
import { installedPackageDir, installGlobally, packPackage, useLocalBetterSqlitePrebuild } from '../test/support/package-install.js';
import { makeTempDir } from '../test/support/temp-dir.js';
import { median } from './median.js';
import { writeReportSection } from './report-section.js';

const ROUNDS = 7;
/** The goal: the packaged start adds at most this much of our own work over Node opening the databases. */
const GOAL_OWN_WORK_MS = 300;

interface StartCase {
  name: string;
  what: string;
  run: () => Promise<number>;
}

/** Milliseconds from spawn to exit of a command that ends by itself. */
async function spawnToExit(command: string, args: string[]): Promise<number> {
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { stdio: 'ignore' });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${command} exited ${code}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** `lectern start --no-open` on the data folder, with the given `lectern`. */
function lecternStart(app: AppCommand, dataDir: string): AppCommand {
  return { ...app, args: [...app.args, 'start', '--no-open', '--data-dir', dataDir] };
}

/** Milliseconds from spawn to the first page through the launch link; the app is then stopped, untimed. */
async function spawnToFirstPage(app: AppCommand): Promise<number> {
  const started = process.hrtime.bigint();
  const child = spawn(app.command, app.args, { cwd: app.cwd, stdio: ['ignore', 'pipe', 'inherit'], detached: app.processGroup === true });
  const link = await launchLinkOf(child);
  const auth = await http(Number(link.port), { path: link.pathname + link.search });
  const cookie = String(auth.headers['set-cookie']).split(';')[0]!;
  const page = await http(Number(link.port), { path: '/', headers: { cookie } });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (page.status !== 200 || !page.body.includes('<div id="app">')) throw new Error(`first page: ${page.status}`);
  const exited = once(child, 'exit');
  if (app.processGroup) process.kill(-child.pid!, 'SIGTERM');
  else child.kill('SIGTERM');
  await exited;
  return elapsed;
}

function launchLinkOf(child: ChildProcess): Promise<URL> {
  let output = '';
  child.stdout!.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      output += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/auth\?token=[\w-]+)/.exec(output);
      if (match) resolve(new URL(match[1]!));
    });
    child.once('exit', () => reject(new Error(`exited before printing its link: ${output}`)));
  });
}

async function measure(cases: StartCase[]): Promise<Map<string, number[]>> {
  const samples = new Map(cases.map((c) => [c.name, [] as number[]]));
  for (const c of cases) await c.run(); // warm-up: file caches, the npm and tsx caches
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let i = 0; i < cases.length; i += 1) {
      const c = cases[(i + round) % cases.length]!;
      samples.get(c.name)!.push(await c.run());
    }
  }
  return samples;
}

async function main(): Promise<void> {
  const work = makeTempDir('lectern-bench-start-');
  console.log('Packing and installing the app...');
  const tarball = packPackage(REPO_ROOT, join(work, 'tarball'));
  useLocalBetterSqlitePrebuild(work);
  const prefix = join(work, 'prefix');
  const installed = installGlobally(tarball.file, prefix);

  // One data folder with a profile in it, made by the installed app and reused (warm) by every case.
  const dataDir = join(work, 'data');
  execFileSync(installed.command, ['invoke', 'profile_create', '{"name":"Ada"}', '--data-dir', dataDir], { stdio: 'ignore' });

  const betterSqlite = join(installedPackageDir(prefix), 'node_modules', 'better-sqlite3');
  const openDatabases = `const D=require(${JSON.stringify(betterSqlite)});const db=new D(${JSON.stringify(join(dataDir, 'global.db'))});db.pragma('quick_check');db.close()`;
  // npm appends the options after `--` to the start script's last command (`node bin/lectern start`); npm and its
  // shell run lectern as a child, so the signal goes to the process group.
  const npmStart: AppCommand = { command: 'npm', args: ['start', '--silent', '--', '--no-open', '--data-dir', dataDir], cwd: REPO_ROOT, processGroup: true };
  const cases: StartCase[] = [
    { name: 'node', what: '`node -e 0` (spawn to exit)', run: () => spawnToExit(process.execPath, ['-e', '0']) },
    { name: 'databases', what: 'Node opening the global database with better-sqlite3 + `quick_check` (spawn to exit)', run: () => spawnToExit(process.execPath, ['-e', openDatabases]) },
    { name: 'packaged', what: 'packaged `lectern start` (installed with npm install -g; compiled JavaScript)', run: () => spawnToFirstPage(lecternStart(installed, dataDir)) },
    { name: 'checkout', what: 'checkout `node bin/lectern start` (TypeScript through tsx)', run: () => spawnToFirstPage(lecternStart(CHECKOUT_APP, dataDir)) },
    { name: 'npm-start', what: '`npm start` (npm, the UI freshness check, then bin/lectern through tsx)', run: () => spawnToFirstPage(npmStart) },
  ];
  console.log(`Measuring ${cases.length} cases, ${ROUNDS} rounds...`);
  const samples = await measure(cases);
  const m = (name: string) => median(samples.get(name)!);
  const ownWork = m('packaged') - m('databases');
  const rows = cases.map((c) => {
    const values = samples.get(c.name)!;
    return `| ${c.what} | ${m(c.name).toFixed(0)}; ${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)} | ${(m(c.name) / m('node')).toFixed(2)}x |`;
  });
  const markdown = `## Start to first page

Generated by \`bench/start-to-first-page.bench.ts\` on ${new Date().toISOString().slice(0, 10)}; reproduce with \`npm run bench\`.
Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.platform()} ${os.release()}; load average
at the start ${os.loadavg()[0]!.toFixed(1)} (the machine is shared: absolute times vary, compare within the table).

Start-to-first-page: from spawning the process to a 200 for \`/\` fetched through the launch link it prints (the link's
GET sets the session cookie, then \`/\` is fetched with it). Baselines run from spawn to exit. One warm-up per case,
then ${ROUNDS} rounds with the order rotating; medians, min–max in ms. The same data folder (one profile) is used by
every case; each app is stopped with SIGTERM outside the timing. The package is \`npm pack\` installed with
\`npm install -g\` into a temporary prefix.

| Case | ms (median; min–max) | vs \`node -e 0\` |
|---|---|---|
${rows.join('\n')}

**Goal: the packaged start adds at most ${GOAL_OWN_WORK_MS} ms of our own work over Node opening the databases:
${ownWork <= GOAL_OWN_WORK_MS ? 'met' : 'not met'}** (${m('packaged').toFixed(0)} − ${m('databases').toFixed(0)} = ${ownWork.toFixed(0)} ms).
Our own work is everything else \`lectern start\` does before the page arrives: loading its modules, taking the lock,
the migration and snapshot checks, the log, the server, and the two HTTP round trips of the launch link.
Against today's checkout path the packaged start takes ${(m('packaged') / m('checkout')).toFixed(2)}x the time of
\`bin/lectern\` through tsx, and ${(m('packaged') / m('npm-start')).toFixed(2)}x the time of \`npm start\`.`;
  writeReportSection(new URL('../docs/benchmarks.md', import.meta.url), 'start-to-first-page', markdown);
  console.log(markdown);
}

await main();
