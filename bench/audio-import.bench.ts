/**
 * Benchmark of importing a long recording through the real server, written to its section of docs/benchmarks.md:
 * the longest event-loop stall (perf_hooks.monitorEventLoopDelay) and the peak memory (RSS, sampled every 50 ms,
 * worker thread included) while a 10-minute and a 60-minute WAV are uploaded and imported, next to baselines measured
 * in the same run: the same server idle, and the same conversion run on the event loop instead of the worker.
 *
 * The server runs in this process (its event loop is the one measured); the upload comes from a child process, so the
 * client's work is not counted. The WAVs (22.05 kHz mono PCM16, 159 MB for an hour: the largest common format an hour
 * fits in under the 300 MiB upload cap) are generated into a temp folder piece by piece and removed at the end;
 * never commit them. It asserts nothing and exits 0 whatever the numbers.
 *
 * Usage: node --import tsx bench/audio-import.bench.ts
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startServer } from '../src/app/server/server.js';
import { convertWavFile } from '../src/platform/audio/convert-wav-file.js';
import { floatToPcm16 } from '../src/platform/audio/pcm16.js';
import { resample } from '../src/platform/audio/resample.js';
import { pcm16Bytes, wavPcm16Header } from '../src/platform/audio/wav-writer.js';
import { DataStore } from '../src/platform/db/data-store.js';
import { http } from '../test/support/http.js';
import { concat, mix, silence, speechBurst, whiteNoise } from '../test/platform/audio/synth.js';
import { writeReportSection } from './report-section.js';

const RATE = 22_050;
const GOAL_STALL_MS = 50;
const MiB = 1024 * 1024;

/** About 42 s of phrases and pauses at several pitches, repeated to the length asked, written without holding it. */
function writeRehearsalWav(path: string, minutes: number): void {
  const unit16k = concat(...Array.from({ length: 12 }, (_, i) => concat(silence(500 + i * 40), speechBurst(1400 + i * 110, { f0: 105 + i * 9 }), silence(700 + i * 70))));
  const unit = floatToPcm16(resample(mix(unit16k, whiteNoise((unit16k.length / 16) | 0, -62)), 16_000, RATE));
  const total = minutes * 60 * RATE;
  const fd = openSync(path, 'w', 0o600);
  writeSync(fd, wavPcm16Header(total, RATE));
  for (let written = 0; written < total; written += unit.length) writeSync(fd, pcm16Bytes(unit.subarray(0, Math.min(unit.length, total - written))));
  closeSync(fd);
}

interface Measured {
  /** Share of the time the event loop was busy (perf_hooks eventLoopUtilization): the loop's own work. */
  busy: number;
  /** How long the event loop's thread was ready to run but waiting for a CPU (Linux schedstat), in ms. */
  waitedForCpuMs: number | null;
  maxStallMs: number;
  p99StallMs: number;
  peakRssMiB: number;
  seconds: number;
}

/** Runs `work` while the event loop's delay and the process's RSS are watched. */
async function watch(work: () => Promise<unknown>): Promise<Measured> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  delay.enable();
  // The monitor's first tick only starts its clock: let it happen before the work, or a stall at once goes unseen.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const started = performance.now();
  const utilization = performance.eventLoopUtilization();
  const waitedBefore = mainThreadRunQueueWaitNs();
  await work();
  const waitedAfter = mainThreadRunQueueWaitNs();
  const busy = performance.eventLoopUtilization(utilization).utilization;
  const seconds = (performance.now() - started) / 1000;
  // A stall is recorded when the delayed timer finally runs: give it the chance before stopping the monitor.
  await new Promise((resolve) => setTimeout(resolve, 50));
  delay.disable();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { busy, waitedForCpuMs: waitedBefore === null || waitedAfter === null ? null : (waitedAfter - waitedBefore) / 1e6, maxStallMs: delay.max / 1e6, p99StallMs: delay.percentile(99) / 1e6, peakRssMiB: peak / MiB, seconds };
}

/** The main thread's total time waiting on a run queue, from /proc (Linux); null elsewhere. */
function mainThreadRunQueueWaitNs(): number | null {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[1]);
  } catch {
    return null;
  }
}

/** Uploads a file from a child process (its reading and sending are not this event loop's work); resolves with the answer. */
function uploadFromChild(port: number, cookie: string, origin: string, path: string, file: string): Promise<string> {
  const script = `
    const http = require('node:http'); const fs = require('node:fs');
    const [port, cookie, origin, path, file] = process.argv.slice(1);
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path, headers: { host: '127.0.0.1:' + port, cookie, origin, 'content-length': fs.statSync(file).size } }, (res) => {
      let body = ''; res.setEncoding('utf8'); res.on('data', (c) => (body += c)); res.on('end', () => process.stdout.write(res.statusCode + ' ' + body));
    });
    fs.createReadStream(file).pipe(req);`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, String(port), cookie, origin, path, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`upload child exited ${code}: ${out}`))));
  });
}

const loadAtStart = loadavg()[0]!;
const dir = mkdtempSync(join(tmpdir(), 'lectern-import-bench-'));
try {
  const wavs = { 10: join(dir, 'ten-minutes.wav'), 60: join(dir, 'sixty-minutes.wav') };
  writeRehearsalWav(wavs[10], 10);
  writeRehearsalWav(wavs[60], 60);

  const store = DataStore.open(join(dir, 'data'));
  const running = await startServer({ store });
  const link = new URL(running.launchUrl);
  const cookie = String((await http(running.port, { path: link.pathname + link.search })).headers['set-cookie']).split(';')[0]!;
  const created = await http(running.port, { method: 'POST', path: '/api/invoke/profile_create', headers: { cookie, origin: running.origin }, body: '{"name":"Bench"}' });
  const profileId = JSON.parse(created.body).result.profile.id as string;
  const invokeThroughServer = async (command: string, payload: object) => {
    const answer = await http(running.port, { method: 'POST', path: `/api/invoke/${command}`, headers: { cookie, origin: running.origin }, body: JSON.stringify(payload) });
    const parsed = JSON.parse(answer.body) as { result?: Record<string, unknown>; error?: unknown };
    if (!parsed.result) throw new Error(`${command} failed: ${answer.body.slice(0, 300)}`);
    return parsed.result;
  };
  let lastImported = '';
  const importThroughServer = (file: string) => async () => {
    const answer = await uploadFromChild(running.port, cookie, running.origin, `/api/upload/audio?profileId=${profileId}`, file);
    if (!answer.startsWith('200 ')) throw new Error(`import failed: ${answer.slice(0, 300)}`);
    lastImported = (JSON.parse(answer.slice(4)) as { result: { audioArtifactId: string } }).result.audioArtifactId;
  };
  /** Trims the last imported recording as a run's (run_trim: a minute off each end), then stops the analysis it starts. */
  const trimThroughServer = (minutes: number) => async () => {
    const project = (await invokeThroughServer('project_create', { profileId, project: { title: 'Bench' } })).project as { id: string };
    const run = (await invokeThroughServer('run_create', { profileId, projectId: project.id })).run as { id: string };
    await invokeThroughServer('run_attach_audio', { profileId, runId: run.id, audioArtifactId: lastImported });
    const trimmed = await invokeThroughServer('run_trim', { profileId, runId: run.id, startMs: 60_000, endMs: (minutes - 1) * 60_000 });
    await invokeThroughServer('job_cancel', { jobId: (trimmed.job as { id: string }).id });
  };

  const baselineRssMiB = process.memoryUsage().rss / MiB;
  const idle = await watch(() => new Promise((resolve) => setTimeout(resolve, 3000)));
  const onLoop = await watch(async () => convertWavFile(wavs[10], join(dir, 'on-loop.wav')));
  const ten = await watch(importThroughServer(wavs[10]));
  const sixty = await watch(importThroughServer(wavs[60]));
  const trimSixty = await watch(trimThroughServer(60));
  await running.close();
  store.close();

  const rows = [
    { case: 'Server idle (baseline)', audio: '–', m: idle },
    { case: 'Same conversion run on the event loop (baseline)', audio: '10 min', m: onLoop },
    { case: 'Import through the server (worker thread)', audio: '10 min', m: ten },
    { case: 'Import through the server (worker thread)', audio: '60 min', m: sixty },
    { case: 'Trim of that run through the server (run_trim, worker thread)', audio: '60 min', m: trimSixty },
  ];
  for (const row of rows) {
    console.log(`${row.case.padEnd(50)} ${row.audio.padStart(6)}  busy ${(row.m.busy * 100).toFixed(1)}%, waited for a CPU ${row.m.waitedForCpuMs?.toFixed(0) ?? '?'} ms, stall max ${row.m.maxStallMs.toFixed(1)} ms, p99 ${row.m.p99StallMs.toFixed(1)} ms, peak RSS ${row.m.peakRssMiB.toFixed(0)} MiB, ${row.m.seconds.toFixed(1)} s`);
  }
  const growth = sixty.peakRssMiB - ten.peakRssMiB;
  const stallVerdict = sixty.maxStallMs < GOAL_STALL_MS ? `**met** (${sixty.maxStallMs.toFixed(1)} ms < ${GOAL_STALL_MS} ms)` : `**NOT met** (${sixty.maxStallMs.toFixed(1)} ms >= ${GOAL_STALL_MS} ms)`;
  writeReportSection(
    new URL('../docs/benchmarks.md', import.meta.url),
    'audio-import',
    `## Audio import: event-loop stall and memory

Generated by \`bench/audio-import.bench.ts\` on ${new Date().toISOString().slice(0, 10)} (${cpus().length} CPUs, Node ${process.version}); reproduce with
\`npm run bench\`. A 10-minute and a 60-minute WAV (22.05 kHz mono PCM16, ${(statSync(wavs[10]).size / MiB).toFixed(0)} and
${(statSync(wavs[60]).size / MiB).toFixed(0)} MiB, generated for the run and removed after it) are uploaded from a child
process to the server running in the bench's process, and imported (\`POST /api/upload/audio\`: staged, converted to
16 kHz, measured, stored); the 60-minute recording is then trimmed as a run's (\`run_trim\`). Stall =
\`perf_hooks.monitorEventLoopDelay\` (10 ms resolution) over the whole upload and import (or trim); peak memory = the process's RSS (worker thread included) sampled every 50 ms. Baselines from the same run: the
server idle for 3 s, and the same conversion (\`convertWavFile\`) called on the event loop, as every import was before.
"Event loop busy" is \`performance.eventLoopUtilization\`: the share of the time the loop was running code rather
than waiting, i.e. the server's own work. "Loop thread waiting for a CPU" is the time the event loop's thread was
ready to run but had no CPU (Linux \`/proc/self/task/<pid>/schedstat\`): a stall it accounts for comes from the machine
(other processes competing for its cores; the worker runs at nice 10 and yields to the loop), not from the server's
work. The idle row shows the machine's own noise in this run. RSS before
the measurements: ${baselineRssMiB.toFixed(0)} MiB. Load average when the run started: ${loadAtStart.toFixed(1)} on ${cpus().length} CPUs.

| Case | Audio | Longest stall | p99 stall | Event loop busy | Loop thread waiting for a CPU | Peak RSS | Time |
|---|---|---|---|---|---|---|---|
${rows.map((r) => `| ${r.case} | ${r.audio} | ${r.m.maxStallMs.toFixed(1)} ms | ${r.m.p99StallMs.toFixed(1)} ms | ${(r.m.busy * 100).toFixed(1)}% | ${r.m.waitedForCpuMs === null ? 'n/a' : `${r.m.waitedForCpuMs.toFixed(0)} ms`} | ${r.m.peakRssMiB.toFixed(0)} MiB | ${r.m.seconds.toFixed(1)} s |`).join('\n')}

- **Longest stall while a 60-minute WAV is imported under ${GOAL_STALL_MS} ms:** ${stallVerdict}; ${(sixty.maxStallMs / Math.max(idle.maxStallMs, 0.001)).toFixed(2)}x the idle server's, against
  ${(onLoop.maxStallMs / Math.max(sixty.maxStallMs, 0.001)).toFixed(0)}x less than the same conversion of a 10-minute file on the event loop (${onLoop.maxStallMs.toFixed(0)} ms).
- **Trimming a 60-minute run** (\`run_trim\`, a minute off each end: 58 minutes copied and measured again in the
  import's worker thread) stalled the loop at most ${trimSixty.maxStallMs.toFixed(1)} ms (${(trimSixty.maxStallMs / Math.max(idle.maxStallMs, 0.001)).toFixed(2)}x the idle server's; the loop was busy
  ${(trimSixty.busy * 100).toFixed(1)}% of the time and its thread waited ${((trimSixty.waitedForCpuMs ?? 0) / 1000).toFixed(0)} s of ${trimSixty.seconds.toFixed(0)} s for a CPU) and peaked at ${trimSixty.peakRssMiB.toFixed(0)} MiB RSS.
- **Memory does not grow with the file's length:** the 60-minute import peaked ${growth >= 0 ? `${growth.toFixed(0)} MiB above` : `${(-growth).toFixed(0)} MiB below`} the
  10-minute one for 6x the audio (${(sixty.peakRssMiB / ten.peakRssMiB).toFixed(2)}x the peak). What does grow is small and bounded by the
  2-hour cap: 4 bytes of frame level per 10 ms (1.4 MB per hour) and 8 bytes per voiced 10 ms of pitch (at most 2.9 MB
  per hour); the samples themselves are streamed in 1 MiB pieces and never held. Before this change a 100 MiB WAV took
  1.66 GB and blocked every request for 222 s (issue 12).
`,
  );
  console.log('Section written to docs/benchmarks.md');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
