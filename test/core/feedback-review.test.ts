import assert from 'node:assert/strict';
import { existsSync, renameSync } from 'node:fs';
import { describe, test } from 'node:test';
import { stageUpload } from '../../src/core/exchange/index.js';
import { ArtifactStore } from '../../src/platform/artifacts/artifact-store.js';
import { floatToPcm16 } from '../../src/platform/audio/pcm16.js';
import { REVIEW_PEAK_BINS } from '../../src/platform/audio/review-peaks.js';
import { writeWavPcm16 } from '../../src/platform/audio/wav-writer.js';
import { invokeErrorCode, invokeOk } from '../support/invoke.js';
import { openStoreWithProfile } from '../support/profile-store.js';

/** 1 s of silence, then 1 s at ±0.5 of full scale: the first half of the waveform is 0, the second 0.5. */
function halfSilentWav(): Buffer {
  const samples = new Float32Array(32_000);
  for (let n = 16_000; n < 32_000; n += 1) samples[n] = n % 2 ? 0.5 : -0.5;
  return writeWavPcm16(floatToPcm16(samples), 16_000);
}

const word = (text: string, tStartMs: number) => ({ text, tStartMs, tEndMs: tStartMs + 200 });

describe('the review of a feedback', { timeout: 30_000 }, () => {
  test('waveform peaks are measured from the stored recording once, then served from the artifact; words carry the marks', async () => {
    const { store, profileId } = await openStoreWithProfile();
    const { project } = await invokeOk(store, 'project_create', { profileId, project: { title: 'Pitch' } });
    const { run } = await invokeOk(store, 'run_create', { profileId, projectId: project.id });
    const audio = await invokeOk(store, 'audio_import', { profileId, uploadId: stageUpload(store, halfSilentWav()) });
    await invokeOk(store, 'run_attach_audio', { profileId, runId: run.id, audioArtifactId: audio.audioArtifactId });
    const words = [word('we', 1000), word('um', 1250), word('ship', 1500), word('daily.', 1750)];
    const document = { schemaVersion: 1, language: 'en', durationMs: 2000, segments: [{ tStartMs: 1000, tEndMs: 1950, text: 'we um ship daily.', words }] };
    const { transcriptId } = await invokeOk(store, 'transcript_save', { profileId, document });
    await invokeOk(store, 'run_set_transcript', { profileId, runId: run.id, transcriptId });
    const { feedbackId } = await invokeOk(store, 'run_analyze', { profileId, runId: run.id });
    const { numbers } = await invokeOk(store, 'feedback_numbers_get', { profileId, feedbackIds: [feedbackId] });
    assert.deepEqual(numbers.map((n) => [n.durationMs, n.wpm]), [[2000, 253]], '4 words from 1.0 s to 1.95 s');

    const { review } = await invokeOk(store, 'feedback_review_get', { profileId, feedbackId });
    assert.equal(review.audioArtifactId, audio.audioArtifactId);
    assert.equal(review.durationMs, 2000);
    assert.equal(review.peaks.length, REVIEW_PEAK_BINS);
    assert.deepEqual(review.peaks.slice(0, 500), new Array(500).fill(0));
    assert.deepEqual(review.peaks.slice(500), new Array(500).fill(0.5));
    assert.deepEqual(
      review.words.map((w) => [w.text, w.tStartMs, w.filler]),
      [['we', 1000, false], ['um', 1250, true], ['ship', 1500, false], ['daily.', 1750, false]],
    );

    // Cached with the recording: served again with the file moved away (so it was not read a second time).
    const artifacts = new ArtifactStore(store.profile(profileId), store.layout.profileDir(profileId));
    assert.deepEqual(artifacts.get(audio.audioArtifactId).metadata.reviewPeaks, review.peaks);
    const file = artifacts.fileOf(audio.audioArtifactId);
    renameSync(file, `${file}.away`);
    assert.deepEqual((await invokeOk(store, 'feedback_review_get', { profileId, feedbackId })).review.peaks, review.peaks);
    renameSync(`${file}.away`, file);

    // The cache goes with the recording: deleting the run removes the row and its file.
    await invokeOk(store, 'run_delete', { profileId, runId: run.id });
    assert.equal(artifacts.find(audio.audioArtifactId), null);
    assert.equal(existsSync(file), false);
    assert.equal(await invokeErrorCode(store, 'feedback_review_get', { profileId, feedbackId }), 'feedback_not_found');
  });

  test('typed text without a recording: words without times, no waveform', async () => {
    const { store, profileId } = await openStoreWithProfile();
    const { project } = await invokeOk(store, 'project_create', { profileId, project: { title: 'Pitch' } });
    const { run } = await invokeOk(store, 'run_create', { profileId, projectId: project.id });
    const { transcriptId } = await invokeOk(store, 'transcript_save', { profileId, text: 'Hello, like, everyone.' });
    await invokeOk(store, 'run_set_transcript', { profileId, runId: run.id, transcriptId });
    const { feedbackId } = await invokeOk(store, 'run_analyze', { profileId, runId: run.id });
    const { review } = await invokeOk(store, 'feedback_review_get', { profileId, feedbackId });
    assert.deepEqual(review.peaks, []);
    // A run list's numbers: typed text has a score but no duration nor pace; an unknown id is left out.
    const { feedback } = await invokeOk(store, 'feedback_get', { profileId, feedbackId });
    assert.deepEqual((await invokeOk(store, 'feedback_numbers_get', { profileId, feedbackIds: [feedbackId, 'fb_0000'] })).numbers, [
      { feedbackId, overallScore: feedback.overallScore, durationMs: null, wpm: null },
    ]);
    assert.equal(review.audioArtifactId, null);
    assert.deepEqual(review.words.map((w) => [w.text, w.tStartMs, w.tEndMs, w.filler]), [['Hello,', 0, 0, false], ['like,', 0, 0, true], ['everyone.', 0, 0, false]]);
  });
});
