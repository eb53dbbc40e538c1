import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { openStore } from '../../src/app/cli/open-store.js';
import { stageUpload } from '../../src/core/exchange/index.js';
import { backfillKeyMetrics } from '../../src/core/feedback/index.js';
import { ArtifactStore } from '../../src/platform/artifacts/artifact-store.js';
import { floatToPcm16 } from '../../src/platform/audio/pcm16.js';
import { writeWavPcm16 } from '../../src/platform/audio/wav-writer.js';
import { DataStore } from '../../src/platform/db/data-store.js';
import { invokeOk } from '../support/invoke.js';
import { openStoreWithProfile } from '../support/profile-store.js';

const NEW_COLUMNS = 'pauses, long_pauses AS longPauses, pitch_variability_semitones AS pitch, wpm_whole_run AS wpmWholeRun, key_metrics_version AS version';

/** 3 s: a voice-like tone whose pitch glides 150 -> 300 Hz over 1 s, 1 s of silence, then 1 s of the tone back down. */
function glidingToneWav(): Buffer {
  const rate = 16_000;
  const samples = new Float32Array(3 * rate);
  let phase = 0;
  for (let n = 0; n < samples.length; n += 1) {
    const second = Math.floor(n / rate);
    if (second === 1) continue;
    const within = (n % rate) / rate;
    const hz = second === 0 ? 150 + 150 * within : 300 - 150 * within;
    phase += (2 * Math.PI * hz) / rate;
    samples[n] = 0.4 * Math.sin(phase) + 0.15 * Math.sin(2 * phase);
  }
  return writeWavPcm16(floatToPcm16(samples), rate);
}

/**
 * A typed take with word timings: 8 words, with a 2.5 s silence after the 4th (one long pause) and one short pause of
 * 400 ms after the 6th, over a 6 s take. The analyzer counts pauses of 300 ms or more, so: 2 pauses, 1 long.
 */
function timedDocument() {
  const words = [
    { text: 'We', tStartMs: 0, tEndMs: 200 },
    { text: 'ship', tStartMs: 200, tEndMs: 400 },
    { text: 'every', tStartMs: 400, tEndMs: 600 },
    { text: 'week.', tStartMs: 600, tEndMs: 800 },
    { text: 'Small', tStartMs: 3300, tEndMs: 3500 },
    { text: 'changes', tStartMs: 3500, tEndMs: 3700 },
    { text: 'are', tStartMs: 4100, tEndMs: 4300 },
    { text: 'easy.', tStartMs: 4300, tEndMs: 4500 },
  ];
  return { schemaVersion: 1, language: 'en', durationMs: 6000, segments: [{ tStartMs: 0, tEndMs: 4500, text: words.map((w) => w.text).join(' '), words }] };
}

async function analyzedRun(store: DataStore, profileId: string, projectId: string, withAudio: boolean): Promise<string> {
  const { run } = await invokeOk(store, 'run_create', { profileId, projectId });
  if (withAudio) {
    const audio = await invokeOk(store, 'audio_import', { profileId, uploadId: stageUpload(store, glidingToneWav()) });
    await invokeOk(store, 'run_attach_audio', { profileId, runId: run.id, audioArtifactId: audio.audioArtifactId });
  }
  const { transcriptId } = await invokeOk(store, 'transcript_save', { profileId, document: timedDocument() });
  await invokeOk(store, 'run_set_transcript', { profileId, runId: run.id, transcriptId });
  return (await invokeOk(store, 'run_analyze', { profileId, runId: run.id })).feedbackId;
}

function rowOf(store: DataStore, profileId: string, feedbackId: string): Record<string, unknown> {
  return { ...(store.profile(profileId).prepare(`SELECT ${NEW_COLUMNS} FROM auto_feedback WHERE id = ?`).get(feedbackId) as object) };
}

/** What migration 0008 leaves on a row written before it: the new numbers NULL, version 1. */
function asIfWrittenBefore0008(store: DataStore, profileId: string): void {
  store.profile(profileId).exec(`UPDATE auto_feedback SET pauses = NULL, long_pauses = NULL, pitch_variability_semitones = NULL,
    wpm_whole_run = NULL, key_metrics_version = 1`);
}

function artifactPathOf(store: DataStore, profileId: string, feedbackId: string): string {
  const db = store.profile(profileId);
  const artifactId = db.prepare('SELECT feedback_json_artifact_id FROM auto_feedback WHERE id = ?').pluck().get(feedbackId) as string;
  return new ArtifactStore(db, store.layout.profileDir(profileId)).fileOf(artifactId);
}

describe('feedback key metrics (migration 0008)', { timeout: 60_000 }, () => {
  test('a new analysis writes its pauses, pitch variation and whole-run pace into its row, equal to its file', async () => {
    const { store, profileId } = await openStoreWithProfile();
    const { project } = await invokeOk(store, 'project_create', { profileId, project: { title: 'Pitch' } });
    const typed = await analyzedRun(store, profileId, project.id, false);
    // 8 words over 1.2 s of speech... the whole run is 6 s: 80 WPM; pauses and long pauses counted by hand above.
    assert.deepEqual(rowOf(store, profileId, typed), { pauses: 2, longPauses: 1, pitch: null, wpmWholeRun: 80, version: 2 });

    const recorded = await analyzedRun(store, profileId, project.id, true);
    const { feedback } = await invokeOk(store, 'feedback_get', { profileId, feedbackId: recorded });
    const pitch = feedback.metrics.delivery?.pitchVariabilitySemitones ?? null;
    assert.equal(typeof pitch, 'number', 'the gliding tone has a measured pitch variation');
    assert.deepEqual(rowOf(store, profileId, recorded), {
      pauses: feedback.metrics.pauses,
      longPauses: feedback.metrics.longPauses,
      pitch,
      wpmWholeRun: feedback.metrics.wpmWholeRun,
      version: 2,
    });
  });

  test('the backfill fills older rows from their files in batches, leaves NULL for a damaged or missing file, and runs once', async () => {
    const { store, profileId } = await openStoreWithProfile();
    const { project } = await invokeOk(store, 'project_create', { profileId, project: { title: 'Pitch' } });
    const ids = [
      await analyzedRun(store, profileId, project.id, true),
      await analyzedRun(store, profileId, project.id, false),
      await analyzedRun(store, profileId, project.id, false),
      await analyzedRun(store, profileId, project.id, false),
      await analyzedRun(store, profileId, project.id, false),
    ];
    const written = ids.map((id) => rowOf(store, profileId, id));
    asIfWrittenBefore0008(store, profileId);
    writeFileSync(artifactPathOf(store, profileId, ids[2]!), '{"schemaVersion": 1, "metrics": {"paus');
    rmSync(artifactPathOf(store, profileId, ids[3]!));

    const outcome = await backfillKeyMetrics(store, profileId, 2);
    assert.deepEqual(outcome, { filled: 3, unreadable: 2, stopped: false });
    const unknown = { pauses: null, longPauses: null, pitch: null, wpmWholeRun: null, version: 2 };
    assert.deepEqual(ids.map((id) => rowOf(store, profileId, id)), [written[0], written[1], unknown, unknown, written[4]]);
    assert.equal(typeof written[0]!.pitch, 'number');

    // Idempotent: nothing is left to read, so a second run reads no file and changes nothing.
    const changesBefore = store.profile(profileId).prepare('SELECT total_changes()').pluck().get();
    assert.deepEqual(await backfillKeyMetrics(store, profileId, 2), { filled: 0, unreadable: 0, stopped: false });
    assert.equal(store.profile(profileId).prepare('SELECT total_changes()').pluck().get(), changesBefore);
  });

  test('the backfill stops at its next batch when the store closes, and the rest is done at the next open', async () => {
    const { store, profileId } = await openStoreWithProfile();
    const { project } = await invokeOk(store, 'project_create', { profileId, project: { title: 'Pitch' } });
    for (let n = 0; n < 3; n += 1) await analyzedRun(store, profileId, project.id, false);
    asIfWrittenBefore0008(store, profileId);
    const running = backfillKeyMetrics(store, profileId, 2);
    const dir = store.layout.root;
    store.close();
    assert.deepEqual(await running, { filled: 2, unreadable: 0, stopped: true });

    // The app's store (lectern start, the CLI) starts the backfill after a profile opens, on a later turn: the open
    // itself does not wait for it.
    const reopened = openStore(dir);
    try {
      const pending = () => reopened.profile(profileId).prepare('SELECT count(*) FROM auto_feedback WHERE key_metrics_version < 2').pluck().get();
      assert.equal(pending(), 1, 'the open returned before the backfill ran');
      for (let turn = 0; turn < 20 && pending() !== 0; turn += 1) await nextTurn();
      assert.equal(pending(), 0);
    } finally {
      reopened.close();
    }
  });

  test('work started after a profile opens never fails the open: what it throws is a warning', async () => {
    const { store, profileId } = await openStoreWithProfile();
    const dir = store.layout.root;
    store.close();
    const warnings: string[] = [];
    const reopened = DataStore.open(dir, {
      onWarning: (message) => warnings.push(message),
      afterProfileOpen: () => {
        throw new Error('boom');
      },
    });
    try {
      assert.equal(reopened.profile(profileId).prepare('SELECT count(*) FROM auto_feedback').pluck().get(), 0);
      assert.deepEqual(warnings, ['Work started after opening a profile failed (error); nothing was lost.']);
    } finally {
      reopened.close();
    }
  });
});
