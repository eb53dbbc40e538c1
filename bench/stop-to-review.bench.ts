/**
 * Benchmark of Stop-to-review (issue 13): how long a speaker waits between handing over a 30 s take and its feedback
 * being ready, against the time the transcription alone takes on the same audio, measured in the same run. Written to
 * its section of docs/benchmarks.md.
 *
 * The take: the five LibriVox clips of Debian's pocketsphinx-testdata read one after the other with the pauses of a
 * speaker between them, padded to 30 s. Each repetition goes through the command registry as the Record page does: the
 * WAV is staged (what the upload route does with the bytes), `run_record` imports it and creates the run, and its
 * `run_pipeline` job transcribes (pocketsphinx) and analyses. Timed: from the staging to the job's success (the
 * review page can show the feedback), and inside it the transcription (until the job reports "analysing"). The baseline
 * is pocketsphinx alone on the same WAV (`PocketsphinxEngine.transcribe`).
 *
 * It cannot hang: every step has a deadline, a watchdog ends the process, jobs are cancelled and the data folder is
 * deleted whatever happens. It asserts nothing and exits 0 whatever the numbers (1 if a step failed or timed out).
 *
 * Usage: node --import tsx bench/stop-to-review.bench.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCommandRegistry } from '../src/commands/index.js';
import type { CommandName, CommandPayload, CommandResult } from '../src/contracts/command-catalogue.js';
import type { FeedbackV1 } from '../src/contracts/feedback-v1.js';
import { stageUpload } from '../src/core/exchange/index.js';
import { PocketsphinxEngine } from '../src/platform/asr/pocketsphinx-engine.js';
import { librivoxClips } from '../src/platform/asr/reference-clips.js';
import { DataStore } from '../src/platform/db/data-store.js';
import { jobRegistryFor, type JobView } from '../src/platform/jobs/job-registry.js';
import { median } from './median.js';
import { writeReportSection } from './report-section.js';

const TAKE_SECONDS = 30;
const REPETITIONS = 3;
/**
 * Ten times the take's length for one step: pocketsphinx runs faster than real time on an idle machine, and about 3x
 * slower on a shared one loaded 9 times over its cores (measured here); beyond that it is a hang, not a slow run.
 */
const STEP_DEADLINE_MS = 10 * TAKE_SECONDS * 1000;
const WATCHDOG_MS = 40 * 60_000;

const watchdog = setTimeout(() => {
  console.error(`stop-to-review bench: still running after ${WATCHDOG_MS / 60_000} min; giving up`);
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

/** Rejects when the work takes longer than the deadline (the work itself is then cancelled by the cleanup). */
async function withDeadline<T>(label: string, work: Promise<T>, ms = STEP_DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: no answer within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const registry = createCommandRegistry();

async function invoke<N extends CommandName>(store: DataStore, name: N, payload: CommandPayload<N>): Promise<CommandResult<N>> {
  const outcome = await withDeadline(name, registry.invoke({ store }, name, payload));
  if (!outcome.ok) throw new Error(`${name} failed: ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.result as CommandResult<N>;
}

/** The clips with 0.8 s between them, 1 s before the first, and silence after the last up to 30 s (16 kHz mono). */
function thirtySecondTake(dir: string): string {
  const clips = librivoxClips().map((clip) => clip.wavPath);
  const gap = join(dir, 'gap.wav');
  execFileSync('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', gap, 'trim', '0', '0.8']);
  const joined = join(dir, 'joined.wav');
  execFileSync('sox', [clips[0]!, ...clips.slice(1).flatMap((clip) => [gap, clip]), joined]);
  const take = join(dir, 'take.wav');
  execFileSync('sox', ['-V1', joined, take, 'pad', '1', String(TAKE_SECONDS), 'trim', '0', String(TAKE_SECONDS)]);
  return take;
}

interface Timing {
  stopToReviewMs: number;
  savedMs: number;
  transcriptionInPipelineMs: number;
  analysisMs: number;
  feedbackId: string;
}

/** One take from Stop to feedback, through the commands the Record page calls. */
async function recordOnce(store: DataStore, profileId: string, projectId: string, wav: Buffer): Promise<Timing> {
  const jobs = jobRegistryFor(store);
  let analysingAt: number | null = null;
  const onProgress = (job: JobView) => {
    if (analysingAt === null && job.progress.stage === 'analysing') analysingAt = performance.now();
  };
  jobs.on('progress', onProgress);
  try {
    const handedOver = performance.now();
    const uploadId = stageUpload(store, wav);
    const { job } = await invoke(store, 'run_record', { profileId, projectId, uploadId, engine: 'pocketsphinx' });
    const saved = performance.now();
    const settled = await withDeadline('run_pipeline job', waitForJob(store, job.id));
    const ready = performance.now();
    if (settled.status !== 'succeeded') throw new Error(`run_pipeline ${settled.status}: ${JSON.stringify(settled.error)}`);
    if (analysingAt === null) throw new Error('the job never reported its analysis');
    const { feedbackId } = settled.result as { feedbackId: string };
    return { stopToReviewMs: ready - handedOver, savedMs: saved - handedOver, transcriptionInPipelineMs: analysingAt - saved, analysisMs: ready - analysingAt, feedbackId };
  } finally {
    jobs.off('progress', onProgress);
  }
}

/** Polls the job the way the page does (every 50 ms) until it is no longer running. */
async function waitForJob(store: DataStore, jobId: string): Promise<JobView> {
  for (;;) {
    const { job } = await invoke(store, 'job_get', { jobId });
    if (job.status !== 'running') return job as JobView;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function transcribeAlone(wavPath: string): Promise<number> {
  // The duration only scales the progress reports; the engine reads the audio to its end either way.
  const started = performance.now();
  await withDeadline('pocketsphinx alone', new PocketsphinxEngine().transcribe({ wavPath, language: 'en', durationMs: TAKE_SECONDS * 1000 }));
  return performance.now() - started;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-stop-to-review-bench-'));
  const store = DataStore.open(join(dir, 'data'));
  try {
    const takePath = thirtySecondTake(dir);
    const wav = readFileSync(takePath);
    const { profile } = await invoke(store, 'profile_create', { name: 'Bench' });
    const { project } = await invoke(store, 'project_create', { profileId: profile.id, project: { title: 'Sense and Sensibility' } });

    // Warm-up on one short clip: the first pocketsphinx start reads its model from disk; neither side should pay it alone.
    const warmUp = librivoxClips()[0]!.wavPath;
    await transcribeAlone(warmUp);
    await recordOnce(store, profile.id, project.id, readFileSync(warmUp));
    const loadBefore = loadavg()[0]!;

    const timings: Timing[] = [];
    const alone: number[] = [];
    for (let repetition = 0; repetition < REPETITIONS; repetition += 1) {
      alone.push(await transcribeAlone(takePath));
      timings.push(await recordOnce(store, profile.id, project.id, wav));
      console.log(`repetition ${repetition + 1}: stop-to-review ${timings.at(-1)!.stopToReviewMs.toFixed(0)} ms, transcription alone ${alone.at(-1)!.toFixed(0)} ms`);
    }
    const last = timings.at(-1)!;
    const { feedback } = await invoke(store, 'feedback_get', { profileId: profile.id, feedbackId: last.feedbackId });
    report(timings, alone, (feedback as FeedbackV1).metrics, [loadBefore, loadavg()[0]!]);
  } finally {
    await withDeadline('cancelling jobs', jobRegistryFor(store).cancelAll(), 30_000).catch((error: unknown) => console.error(String(error)));
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(timings: readonly Timing[], alone: readonly number[], metrics: FeedbackV1['metrics'], load: readonly number[]): void {
  const stopToReview = median(timings.map((t) => t.stopToReviewMs));
  const saved = median(timings.map((t) => t.savedMs));
  const inPipeline = median(timings.map((t) => t.transcriptionInPipelineMs));
  const analysis = median(timings.map((t) => t.analysisMs));
  const transcription = median(alone);
  const ratio = stopToReview / transcription;
  console.log(`stop-to-review ${stopToReview.toFixed(0)} ms; transcription alone ${transcription.toFixed(0)} ms; ratio ${ratio.toFixed(2)}`);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  writeReportSection(
    new URL('../docs/benchmarks.md', import.meta.url),
    'stop-to-review',
    `## Stop to review: a 30 s take to its feedback

Generated by \`bench/stop-to-review.bench.ts\` on ${new Date().toISOString().slice(0, 10)}; reproduce with \`npm run bench\`.
A ${TAKE_SECONDS} s take (the five LibriVox clips of Debian's \`pocketsphinx-testdata\`, 0.8 s apart, padded to ${TAKE_SECONDS} s)
goes the way of the Record page after Stop: staged, \`run_record\` (import, run), its \`run_pipeline\` job
(pocketsphinx, then the analysis), polled every 50 ms until the feedback is ready. The baseline is pocketsphinx alone
on the same WAV, measured in the same run. Medians of ${REPETITIONS} repetitions after a warm-up.

| Step | Median |
|---|---|
| Saved: staging, import (conversion, audio metrics), run created | ${ms(saved)} |
| Transcription inside the pipeline | ${ms(inPipeline)} |
| Analysis and its write, up to the poll that sees it | ${ms(analysis)} |
| **Stop to review** (all of the above) | **${ms(stopToReview)}** |
| Transcription alone (baseline) | ${ms(transcription)} |
| **Ratio** Stop-to-review / transcription alone | **${ratio.toFixed(2)}** |

Stop-to-review takes ${ratio.toFixed(2)}× the transcription's own time (per repetition:
${timings.map((t, k) => (t.stopToReviewMs / alone[k]!).toFixed(2)).join(', ')}). Besides the transcription the speaker waits for the
import (${ms(saved)}) and the analysis (${ms(analysis)}). The machine's one-minute load average was
${load.map((value) => value.toFixed(1)).join(' before and ')} after, on ${cpus().length} shared cores: under such load the
times, and the ratio between two processes measured a minute apart, vary widely from one repetition to the next; run it
on an idle machine for figures to compare releases with. Pace of this take under the current rule (decision 0014): ${metrics.wpm} words
a minute judged (from the first word to the last), ${metrics.wpmSpeakingTime ?? '—'} over speaking time,
${metrics.wpmWholeRun ?? '—'} over the whole ${TAKE_SECONDS} s (${metrics.words} words recognised).
`,
  );
  console.log('Section written to docs/benchmarks.md');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
