import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { TRIM_MIN_LENGTH_MS, TRIM_SUGGESTION_MARGIN_MS } from '../../src/contracts/trim-rules.js';
import { stageUpload } from '../../src/core/exchange/index.js';
import type { RunPipelineResult } from '../../src/core/run-pipeline/index.js';
import { ManualClock } from '../../src/kernel/clock.js';
import { DataStore } from '../../src/platform/db/data-store.js';
import { jobRegistryFor, type JobView } from '../../src/platform/jobs/job-registry.js';
import { fingerprintTree } from '../support/file-tree.js';
import { invokeErrorCode, invokeOk } from '../support/invoke.js';
import { speak } from '../support/speech.js';
import { makeTempDir } from '../support/temp-dir.js';

const SCRIPT = 'Good morning everyone. Today we ship every day, and we learn every day.';
const PAD_SECONDS = 1.5;
const TRIMMED_AT = '2026-11-30T04:30:00.000Z';

/** espeak speech with PAD_SECONDS of silence before and after it: what a take with a slow start and end looks like. */
function paddedTake(): Buffer {
  const dir = makeTempDir();
  const padded = join(dir, 'padded.wav');
  execFileSync('sox', [speak(SCRIPT, dir), padded, 'pad', String(PAD_SECONDS), String(PAD_SECONDS)]);
  return readFileSync(padded);
}

/** The 16-bit samples of a stored recording (Lectern writes a 44-byte header). */
function samplesOf(wav: Buffer): Buffer {
  return wav.subarray(44);
}

async function setup() {
  const clock = new ManualClock(TRIMMED_AT);
  const store = DataStore.open(makeTempDir(), { clock });
  after(async () => {
    await jobRegistryFor(store).cancelAll();
    store.close();
  });
  const { profile } = await invokeOk(store, 'profile_create', { name: 'Ada' });
  const profileId = profile.id;
  const { project } = await invokeOk(store, 'project_create', { profileId, project: { title: 'Pitch' } });
  const db = () => store.profile(profileId);
  const profileDir = store.layout.profileDir(profileId);
  const settle = async (jobId: string): Promise<JobView> => {
    await jobRegistryFor(store).settled();
    return (await invokeOk(store, 'job_get', { jobId })).job as JobView;
  };
  /** A run of the padded take, transcribed from typed text (no speech engine needed) and analysed, with a note. */
  const analysedRun = async () => {
    const uploadId = stageUpload(store, paddedTake());
    const { run, job } = await invokeOk(store, 'run_record', { profileId, projectId: project.id, uploadId, engine: 'manual', scriptText: SCRIPT });
    const settled = await settle(job.id);
    assert.equal(settled.status, 'succeeded', JSON.stringify(settled.error));
    const { feedbackId } = settled.result as RunPipelineResult;
    await invokeOk(store, 'feedback_note_set', { profileId, feedbackId, note: 'Slow start.' });
    return (await invokeOk(store, 'run_get', { profileId, runId: run.id })).run;
  };
  const fileOf = (artifactId: string) => {
    const relPath = db().prepare('SELECT local_relpath FROM artifacts WHERE id = ?').pluck().get(artifactId) as string;
    return readFileSync(join(profileDir, relPath));
  };
  /** Every row that a trim could touch, and every file of the profile folder (bytes, mtime, mode). */
  const state = () => ({
    rows: ['artifacts', 'runs', 'auto_feedback', 'feedback_notes', 'peer_reviews'].map((table) => db().prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()),
    files: [...fingerprintTree(profileDir)].filter(([path]) => !path.endsWith('.db')),
  });
  const wavFiles = () => readdirSync(join(profileDir, 'artifacts', 'audio')).sort();
  return { store, clock, profileId, projectId: project.id, db, settle, analysedRun, fileOf, state, wavFiles };
}

describe('run_trim: the part of a recording to keep replaces it, and the run is analysed again', { timeout: 180_000 }, () => {
  test('the trimmed recording has exactly the kept samples; the transcript, feedback and note of the original go; the run is analysed anew', async () => {
    const { store, profileId, db, settle, analysedRun, fileOf, wavFiles } = await setup();
    const run = await analysedRun();
    const original = fileOf(run.audioArtifactId!);
    const feedbackFile = db().prepare('SELECT feedback_json_artifact_id FROM auto_feedback WHERE id = ?').pluck().get(run.feedbackId!) as string;
    const [startMs, endMs] = [1200, 4700];

    const { run: trimmed, job } = await invokeOk(store, 'run_trim', { profileId, runId: run.id, startMs, endMs });
    assert.equal(job.kind, 'run_pipeline');
    assert.notEqual(trimmed.audioArtifactId, run.audioArtifactId);
    assert.deepEqual({ transcriptId: trimmed.transcriptId, feedbackId: trimmed.feedbackId }, { transcriptId: null, feedbackId: null });
    const kept = samplesOf(fileOf(trimmed.audioArtifactId!));
    assert.equal(kept.length / 2, (endMs - startMs) * 16, 'exactly 16 samples per kept millisecond');
    assert.ok(kept.equals(samplesOf(original).subarray(startMs * 16 * 2, endMs * 16 * 2)), 'the very samples of the original, unchanged');
    assert.deepEqual(wavFiles(), [`${trimmed.audioArtifactId}.wav`], 'the original file is gone, no temp file is left');
    const count = (sql: string, ...args: string[]) => db().prepare(sql).pluck().get(...args) as number;
    // The new analysis may already be running: the original's own rows are the ones that must be gone.
    assert.equal(count('SELECT count(*) FROM artifacts WHERE id IN (?, ?, ?)', run.audioArtifactId!, run.transcriptId!, feedbackFile), 0);
    assert.equal(count('SELECT count(*) FROM auto_feedback WHERE id = ?', run.feedbackId!), 0);
    assert.equal(count('SELECT count(*) FROM feedback_notes'), 0);
    const metadata = JSON.parse(db().prepare('SELECT metadata_json FROM artifacts WHERE id = ?').pluck().get(trimmed.audioArtifactId!) as string) as {
      durationMs: number;
      trim: object;
    };
    assert.equal(metadata.durationMs, endMs - startMs);
    assert.deepEqual(metadata.trim, { startMs, endMs, untrimmedDurationMs: Math.round(samplesOf(original).length / 32), trimmedAt: TRIMMED_AT });

    const settled = await settle(job.id);
    assert.equal(settled.status, 'succeeded', JSON.stringify(settled.error));
    const result = settled.result as RunPipelineResult;
    const { run: analysed } = await invokeOk(store, 'run_get', { profileId, runId: run.id });
    assert.deepEqual({ transcriptId: analysed.transcriptId, feedbackId: analysed.feedbackId }, { transcriptId: result.transcriptId, feedbackId: result.feedbackId });
    const { feedback } = await invokeOk(store, 'feedback_get', { profileId, feedbackId: result.feedbackId });
    assert.equal(feedback.metrics.durationMs, endMs - startMs, 'the new feedback measures the trimmed recording');
    const { transcript } = await invokeOk(store, 'transcript_get', { profileId, transcriptId: result.transcriptId });
    assert.equal(transcript.segments.map((segment) => segment.text).join(' '), SCRIPT, 'the typed words are laid over the trimmed recording again');
  });

  test('run_trim_get: the length, the waveform, and a suggestion that keeps 300 ms of silence around the speech', async () => {
    const { store, profileId, db, analysedRun } = await setup();
    const run = await analysedRun();
    const plan = await invokeOk(store, 'run_trim_get', { profileId, runId: run.id });
    const metrics = (JSON.parse(db().prepare('SELECT metadata_json FROM artifacts WHERE id = ?').pluck().get(run.audioArtifactId!) as string) as {
      durationMs: number;
      metrics: { speechSegments: Array<{ tStartMs: number; tEndMs: number }> };
    });
    const speech = metrics.metrics.speechSegments;
    assert.equal(plan.audioArtifactId, run.audioArtifactId);
    assert.equal(plan.durationMs, metrics.durationMs);
    assert.equal(plan.peaks.length, 1000);
    assert.deepEqual(plan.suggestion, { startMs: speech[0]!.tStartMs - TRIM_SUGGESTION_MARGIN_MS, endMs: speech.at(-1)!.tEndMs + TRIM_SUGGESTION_MARGIN_MS });
    // The padding is 1.5 s of digital silence: the speech (and so the suggestion) starts and ends inside it, not at the edges.
    assert.ok(plan.suggestion!.startMs > 900 && plan.suggestion!.startMs < 1500, `start ${plan.suggestion!.startMs}`);
    assert.ok(plan.durationMs - plan.suggestion!.endMs > 900, `end ${plan.suggestion!.endMs} of ${plan.durationMs}`);
  });

  test('refusals: each has its code, and the rows and files stay byte for byte as they were', async () => {
    const { store, profileId, projectId, analysedRun, state } = await setup();
    const run = await analysedRun();
    const { durationMs } = await invokeOk(store, 'run_trim_get', { profileId, runId: run.id });
    const { profile: other } = await invokeOk(store, 'profile_create', { name: 'Grace' });
    const { run: silent } = await invokeOk(store, 'run_create', { profileId, projectId });
    const before = state();
    const refusals: Array<[string, object, string]> = [
      ['ends past the recording', { runId: run.id, startMs: 0, endMs: durationMs + 1 }, 'trim_range_invalid'],
      ['ends before it starts', { runId: run.id, startMs: 3000, endMs: 2000 }, 'trim_range_invalid'],
      ['ends where it starts', { runId: run.id, startMs: 2000, endMs: 2000 }, 'trim_range_invalid'],
      ['keeps less than the minimum', { runId: run.id, startMs: 1000, endMs: 1000 + TRIM_MIN_LENGTH_MS - 1 }, 'trim_too_short'],
      ['keeps the whole recording', { runId: run.id, startMs: 0, endMs: durationMs }, 'trim_nothing_to_trim'],
      ['an unknown run', { runId: 'run_0123456789abcdef0123456789abcdef', startMs: 0, endMs: 2000 }, 'run_not_found'],
      ['a run without a recording', { runId: silent.id, startMs: 0, endMs: 2000 }, 'run_missing_audio'],
      ['a negative start', { runId: run.id, startMs: -1, endMs: 2000 }, 'invalid_payload'],
      ['a fraction of a millisecond', { runId: run.id, startMs: 0.5, endMs: 2000 }, 'invalid_payload'],
    ];
    for (const [what, payload, code] of refusals) {
      assert.equal(await invokeErrorCode(store, 'run_trim', { profileId, ...payload }), code, what);
    }
    assert.equal(await invokeErrorCode(store, 'run_trim', { profileId: other.id, runId: run.id, startMs: 0, endMs: 2000 }), 'run_not_found', 'another profile’s run');
    assert.equal(await invokeErrorCode(store, 'run_trim_get', { profileId: other.id, runId: run.id }), 'run_not_found');
    assert.deepEqual(state(), before);
  });

  test('a run being transcribed cannot be trimmed: trim_blocked_job_running, nothing changed', async () => {
    const { store, profileId, projectId, state, settle } = await setup();
    const uploadId = stageUpload(store, paddedTake());
    // pocketsphinx takes seconds on this take: the pipeline is still running when the trim is asked.
    const { run, job } = await invokeOk(store, 'run_record', { profileId, projectId, uploadId });
    const before = state();
    assert.equal(await invokeErrorCode(store, 'run_trim', { profileId, runId: run.id, startMs: 1000, endMs: 4000 }), 'trim_blocked_job_running');
    assert.deepEqual(state(), before);
    await invokeOk(store, 'job_cancel', { jobId: job.id });
    await settle(job.id);
  });

  test('a failure inside the commit (injected) leaves the original: rows, files and the run as they were, no trimmed file left', async () => {
    const { store, profileId, db, analysedRun, state, wavFiles } = await setup();
    const run = await analysedRun();
    const before = state();
    db().exec(`CREATE TEMP TRIGGER fail_run_update BEFORE UPDATE ON runs BEGIN SELECT RAISE(ABORT, 'injected'); END`);
    assert.equal(await invokeErrorCode(store, 'run_trim', { profileId, runId: run.id, startMs: 1200, endMs: 4700 }), 'internal_error');
    db().exec('DROP TRIGGER temp.fail_run_update');
    assert.deepEqual(state(), before);
    assert.deepEqual(wavFiles(), [`${run.audioArtifactId}.wav`]);
    assert.deepEqual((await invokeOk(store, 'run_get', { profileId, runId: run.id })).run, run);
  });

  test('a trim cancelled while its file is written changes nothing and leaves no partial file', async () => {
    const { store, profileId, analysedRun, state, wavFiles } = await setup();
    const run = await analysedRun();
    const before = state();
    const registry = jobRegistryFor(store);
    const cancelTrim = (job: JobView) => {
      if (job.kind !== 'audio_trim') return;
      registry.off('progress', cancelTrim);
      // The first report comes before start() has listed the job; the worker thread takes far longer to start.
      setImmediate(() => registry.cancel(job.id));
    };
    registry.on('progress', cancelTrim);
    assert.equal(await invokeErrorCode(store, 'run_trim', { profileId, runId: run.id, startMs: 1200, endMs: 4700 }), 'job_cancelled');
    assert.deepEqual(state(), before);
    assert.deepEqual(wavFiles(), [`${run.audioArtifactId}.wav`]);
  });

  test('Try again while the recording is being trimmed is refused (run_being_trimmed); the trim then analyses the run once', async () => {
    const { store, profileId, db, analysedRun, settle } = await setup();
    const run = await analysedRun();
    const registry = jobRegistryFor(store);
    let retried: Promise<string> | null = null;
    const retryDuringTrim = (job: JobView) => {
      if (job.kind !== 'audio_trim' || retried) return;
      // What a second tab's "Try again" sends while the first one's trim is writing the kept part (on the next turn:
      // the first report comes before start() has listed the job).
      retried = new Promise((resolve) => setImmediate(resolve)).then(() =>
        invokeErrorCode(store, 'run_process', { profileId, runId: run.id, engine: 'manual', scriptText: SCRIPT }),
      );
    };
    registry.on('progress', retryDuringTrim);
    const { job } = await invokeOk(store, 'run_trim', { profileId, runId: run.id, startMs: 1200, endMs: 4700 });
    registry.off('progress', retryDuringTrim);
    assert.equal(await retried, 'run_being_trimmed');
    assert.equal((await settle(job.id)).status, 'succeeded');
    const analyses = db().prepare('SELECT count(*) FROM auto_feedback WHERE run_id = ?').pluck().get(run.id);
    assert.equal(analyses, 1, 'one analysis of the trimmed recording, none of the original');
  });
});
