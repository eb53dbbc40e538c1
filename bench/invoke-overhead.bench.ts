/**
 * Benchmark: what the one door costs on a hot read. `run_list` of 50 runs on a profile of 100,000 runs, called
 * through the command registry (payload validated, profile and talk checked, result validated as the registry does)
 * against the same rows read with the raw prepared statement, in the same run; and the same call over HTTP to the
 * running server (keep-alive, one request at a time), whose p50 and p99 are reported.
 *
 * Not a timed test: it reports medians and ratios and asserts nothing; only a crash exits non-zero.
 * Usage: npm run bench (writes its section of docs/benchmarks.md).
 */
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { startServer } from '../src/app/server/server.js';
import { createCommandRegistry } from '../src/commands/index.js';
import { SELECT_RUNS_OF_PROJECT } from '../src/core/run/queries.js';
import { DataStore } from '../src/platform/db/data-store.js';
import { insertRows, RUNS } from './heavy-profile.js';
import { median } from './median.js';
import { writeReportSection } from './report-section.js';

const LIMIT = 50;
const CALLS_PER_ROUND = 2_000;
const ROUNDS = 7;
const HTTP_CALLS = 3_000;
const GOAL_RATIO = 1.3;
const REPORT_URL = new URL('../docs/benchmarks.md', import.meta.url);

/** Microseconds per call: the median over rounds of (round time / calls). */
async function perCallUs(call: () => unknown): Promise<number> {
  for (let i = 0; i < 200; i++) await call();
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < CALLS_PER_ROUND; i++) await call();
    rounds.push(Number(process.hrtime.bigint() - started) / 1e3 / CALLS_PER_ROUND);
  }
  return median(rounds);
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function post(agent: Agent, port: number, path: string, cookie: string, origin: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { host: `127.0.0.1:${port}`, cookie, origin, 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(os.tmpdir(), 'lectern-bench-invoke-'));
  const store = DataStore.open(join(workDir, 'data'));
  try {
    const registry = createCommandRegistry();
    const created = await registry.invoke({ store }, 'profile_create', { name: 'Bench' });
    if (!created.ok) throw new Error(created.error.message);
    const profileId = (created.result as { profile: { id: string } }).profile.id;
    const db = store.profile(profileId);
    insertRows(db);
    const projectId = String(db.prepare(`SELECT project_id FROM runs GROUP BY project_id ORDER BY count(*) DESC LIMIT 1`).pluck().get());
    const payload = { profileId, projectId, limit: LIMIT };

    const raw = db.prepare(SELECT_RUNS_OF_PROJECT);
    const rawUs = await perCallUs(() => raw.all(projectId, LIMIT));
    const invokeUs = await perCallUs(async () => {
      const outcome = await registry.invoke({ store }, 'run_list', payload);
      if (!outcome.ok) throw new Error(outcome.error.message);
    });

    const running = await startServer({ store, staticDir: null });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const launch = new URL(running.launchUrl);
      const cookie = await new Promise<string>((resolve, reject) => {
        request({ host: '127.0.0.1', port: running.port, path: launch.pathname + launch.search, agent, headers: { host: `127.0.0.1:${running.port}` } }, (res) => {
          res.resume();
          resolve(String(res.headers['set-cookie']).split(';')[0]!);
        }).on('error', reject).end();
      });
      const body = JSON.stringify(payload);
      const latencies: number[] = [];
      for (let i = 0; i < HTTP_CALLS + 200; i++) {
        const started = process.hrtime.bigint();
        const status = await post(agent, running.port, '/api/invoke/run_list', cookie, running.origin, body);
        if (status !== 200) throw new Error(`run_list answered ${status}`);
        if (i >= 200) latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      const report = section({ rawUs, invokeUs, httpP50Ms: percentile(latencies, 50), httpP99Ms: percentile(latencies, 99) });
      writeReportSection(REPORT_URL, 'invoke-overhead', report);
      console.log(report);
    } finally {
      agent.destroy();
      await running.close();
    }
  } finally {
    store.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

function section(m: { rawUs: number; invokeUs: number; httpP50Ms: number; httpP99Ms: number }): string {
  const ratio = m.invokeUs / m.rawUs;
  return `## The one door's cost on a hot read

Generated by \`bench/invoke-overhead.bench.ts\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} CPUs, Node ${process.version}; load
average ${os.loadavg()[0]!.toFixed(1)} when it ended); reproduce with \`npm run bench\`. \`run_list\` of ${LIMIT} runs on a profile of
${RUNS.toLocaleString('en')} runs (the talk with the most runs), ${ROUNDS} rounds of ${CALLS_PER_ROUND.toLocaleString('en')} calls after a warm-up, median per call.
The baseline is the same query through its prepared statement, measured in the same run.

| Path | Per call | Ratio to the raw statement |
|---|---|---|
| Raw prepared statement (baseline) | ${m.rawUs.toFixed(1)} µs | 1.00x |
| \`registry.invoke('run_list')\` | ${m.invokeUs.toFixed(1)} µs | ${ratio.toFixed(2)}x |

- **Goal: the registry costs at most ${GOAL_RATIO}x the raw statement:** ${ratio <= GOAL_RATIO ? 'met' : '**NOT met**'} (${ratio.toFixed(2)}x).
- Over HTTP (\`POST /api/invoke/run_list\` to the running server, keep-alive, ${HTTP_CALLS.toLocaleString('en')} requests one at a time): p50
  ${m.httpP50Ms.toFixed(2)} ms, p99 ${m.httpP99Ms.toFixed(2)} ms.`;
}

await main();
