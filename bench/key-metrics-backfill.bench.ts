/**
 * Benchmark of the key-metrics backfill (migration 0009's rows filled from their feedback files), written to its
 * section of docs/benchmarks.md: on a profile of 5,000 feedback rows written before 0009, each with a real FeedbackV1
 * file, the longest event-loop stall (the longest gap between ticks of a 1 ms timer) and the total time of the backfill in batches
 * of 20 (and of 100), next to the baseline measured in the same run: the same work as one step (what doing it inside the
 * migration, or without batches, would cost the event loop).
 *
 * Not a timed test: it reports numbers and ratios and asserts nothing; only a crash exits non-zero.
 * Usage: node --import tsx bench/key-metrics-backfill.bench.ts
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { backfillKeyMetrics } from '../src/core/feedback/index.js';
import { BACKFILL_BATCH_SIZE } from '../src/core/feedback/backfill-key-metrics.js';
import { newId } from '../src/kernel/ids.js';
import { ArtifactStore } from '../src/platform/artifacts/artifact-store.js';
import { DataStore } from '../src/platform/db/data-store.js';
import { invokeOk } from '../test/support/invoke.js';
import { writeReportSection } from './report-section.js';

const ROWS = 5_000;
const BATCH = BACKFILL_BATCH_SIZE;
const LARGE_BATCH = 100;
const REPORT_URL = new URL('../docs/benchmarks.md', import.meta.url);

/**
 * Runs one backfill while a 1 ms heartbeat timer notes the longest gap between its ticks (the longest time the event
 * loop could not run a timer: what a request would have waited); answers that gap and the total time.
 */
async function measured(store: DataStore, profileId: string, batchSize: number): Promise<{ stallMs: number; totalMs: number; filled: number }> {
  let last = performance.now();
  let stallMs = 0;
  const heartbeat = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 1);
  await sleep(5);
  const started = performance.now();
  const outcome = await backfillKeyMetrics(store, profileId, batchSize);
  const totalMs = performance.now() - started;
  // The heartbeat must tick once more to note a stall that ended just now.
  await sleep(20);
  clearInterval(heartbeat);
  return { stallMs, totalMs, filled: outcome.filled };
}

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'lectern-bench-backfill-'));
  const store = DataStore.open(join(workDir, 'data'));
  try {
    const { profile } = await invokeOk(store, 'profile_create', { name: 'Bench' });
    const profileId = profile.id;
    const { project } = await invokeOk(store, 'project_create', { profileId, project: { title: 'Bench' } });
    const { run } = await invokeOk(store, 'run_create', { profileId, projectId: project.id });
    const words = Array.from({ length: 200 }, (_, i) => ({ text: i % 17 === 0 ? 'um' : `word${i % 40}`, tStartMs: i * 400, tEndMs: i * 400 + 300 }));
    const document = { schemaVersion: 1, language: 'en', durationMs: 80_000, segments: [{ tStartMs: 0, tEndMs: 80_000, text: words.map((w) => w.text).join(' '), words }] };
    const { transcriptId } = await invokeOk(store, 'transcript_save', { profileId, document });
    await invokeOk(store, 'run_set_transcript', { profileId, runId: run.id, transcriptId });
    const { feedbackId } = await invokeOk(store, 'run_analyze', { profileId, runId: run.id });

    // 5,000 copies of that analysis, as rows and files written before 0009.
    const db = store.profile(profileId);
    const artifacts = new ArtifactStore(db, store.layout.profileDir(profileId));
    const source = db.prepare('SELECT feedback_json_artifact_id FROM auto_feedback WHERE id = ?').pluck().get(feedbackId) as string;
    const sourceRow = db.prepare('SELECT sha256, bytes FROM artifacts WHERE id = ?').get(source) as { sha256: string; bytes: number };
    const sourceFile = artifacts.fileOf(source);
    const insertArtifact = db.prepare(`INSERT INTO artifacts (id, type, local_relpath, sha256, bytes, created_at) VALUES (?, 'feedback', ?, ?, ?, ?)`);
    const insertFeedback = db.prepare(`INSERT INTO auto_feedback (id, run_id, created_at, feedback_json_artifact_id, overall_score, analyzer_version, key_metrics_version)
      VALUES (?, ?, ?, ?, 70, 3, 1)`);
    db.transaction(() => {
      for (let i = 0; i < ROWS; i += 1) {
        const artifactId = newId('art');
        const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
        insertArtifact.run(artifactId, `artifacts/feedback/${artifactId}.json`, sourceRow.sha256, sourceRow.bytes, at);
        insertFeedback.run(newId('fb'), run.id, at, artifactId);
        copyFileSync(sourceFile, join(dirname(sourceFile), `${artifactId}.json`));
      }
    })();
    const reset = () => db.exec(`UPDATE auto_feedback SET pauses = NULL, long_pauses = NULL, pitch_variability_semitones = NULL, wpm_whole_run = NULL, key_metrics_version = 1`);

    reset();
    const oneStep = await measured(store, profileId, ROWS + 1);
    reset();
    const batched = await measured(store, profileId, BATCH);
    reset();
    const large = await measured(store, profileId, LARGE_BATCH);
    const rows = oneStep.filled;
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    const markdown = `## Key-metrics backfill (migration 0009)

Generated by \`bench/key-metrics-backfill.bench.ts\` on ${new Date().toISOString().slice(0, 10)} (${cpus().length} CPUs, Node ${process.version}; load
average ${loadavg()[0]!.toFixed(1)} when it ended). ${rows.toLocaleString('en')} feedback rows written before 0009, each with its real
FeedbackV1 file (${sourceRow.bytes.toLocaleString('en')} bytes), filled by \`backfillKeyMetrics\`; the stall is the longest gap between ticks of a 1 ms timer.
The baseline is the same work as one step, measured in the same run.

| Backfill | Longest event-loop stall | Total time |
|---|---|---|
| One step of ${rows.toLocaleString('en')} rows (baseline) | ${fmt(oneStep.stallMs)} | ${fmt(oneStep.totalMs)} |
| Batches of ${BATCH} (what the app runs) | ${fmt(batched.stallMs)} (${(batched.stallMs / oneStep.stallMs).toFixed(3)}x) | ${fmt(batched.totalMs)} (${(batched.totalMs / oneStep.totalMs).toFixed(2)}x) |
| Batches of ${LARGE_BATCH} | ${fmt(large.stallMs)} (${(large.stallMs / oneStep.stallMs).toFixed(3)}x) | ${fmt(large.totalMs)} (${(large.totalMs / oneStep.totalMs).toFixed(2)}x) |

- A request arriving during the backfill waits for one batch, not for the profile: the longest gap was ${fmt(batched.stallMs)} in batches
  of ${BATCH}, against ${fmt(oneStep.stallMs)} for the whole profile at once. On a loaded machine the gaps also hold time the process
  waited for a CPU (see the load average). Afterwards a start finds no row
  to read (a probe of an empty partial index).
`;
    writeReportSection(REPORT_URL, 'key-metrics-backfill', markdown);
    console.log(markdown);
    console.log('Section written to docs/benchmarks.md');
  } finally {
    store.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
