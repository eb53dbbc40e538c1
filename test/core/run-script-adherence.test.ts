import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { stageUpload } from '../../src/core/exchange/index.js';
import type { RunPipelineResult } from '../../src/core/run-pipeline/index.js';
import { DataStore } from '../../src/platform/db/data-store.js';
import { jobRegistryFor, type JobView } from '../../src/platform/jobs/job-registry.js';
import { invokeErrorCode, invokeOk } from '../support/invoke.js';
import { librivoxClips } from '../support/speech.js';
import { makeTempDir } from '../support/temp-dir.js';

/**
 * Real read speech (two LibriVox clips, "he was not an ill disposed young man" then "unless to be rather cold hearted
 * ..."), recorded as a run of a talk whose script is given: the adherence report is kept with the transcript and read
 * back by the review page's command, after a reopen too.
 */
const clips = librivoxClips();
const HEARD = [...clips[1]!.words, ...clips[2]!.words];
const READS_SCRIPT = `${clips[1]!.words.join(' ')}. In short he meant well. ${clips[2]!.words.join(' ')}.`;
const DEPARTS = 'Our quarterly results show strong growth in every region this year.';

function take(dir: string): Buffer {
  const wav = join(dir, 'take.wav');
  execFileSync('sox', [clips[1]!.wavPath, clips[2]!.wavPath, wav, 'pad', '0.5', '0.5']);
  return readFileSync(wav);
}

async function recordWithScript(scriptText: string | undefined) {
  const dir = makeTempDir();
  const store = DataStore.open(dir);
  after(async () => {
    await jobRegistryFor(store).cancelAll();
    store.close();
  });
  const { profile } = await invokeOk(store, 'profile_create', { name: 'Ada' });
  const { project } = await invokeOk(store, 'project_create', { profileId: profile.id, project: { title: 'Sense and Sensibility' } });
  const uploadId = stageUpload(store, take(makeTempDir()));
  const { job } = await invokeOk(store, 'run_record', { profileId: profile.id, projectId: project.id, uploadId, language: 'en', ...(scriptText ? { scriptText } : {}) });
  await jobRegistryFor(store).settled();
  const settled = (await invokeOk(store, 'job_get', { jobId: job.id })).job as JobView;
  assert.equal(settled.status, 'succeeded', JSON.stringify(settled.error));
  return { store, dir, profileId: profile.id, result: settled.result as RunPipelineResult };
}

describe('script adherence of a run: kept with its transcript, shown by the review page', { timeout: 180_000 }, () => {
  test('a take that reads the script: coverage 22/27, the one sentence left out is named and placed after "man"', async () => {
    const { store, dir, profileId, result } = await recordWithScript(READS_SCRIPT);
    const expected = {
      coverage: 22 / 27,
      skipped: [{ fromWord: 8, toWord: 12, text: 'in short he meant well', atMs: 3300 }],
      added: [],
      fellBack: false,
    };
    assert.deepEqual(result.scriptAdherence, expected);
    const { review } = await invokeOk(store, 'feedback_review_get', { profileId, feedbackId: result.feedbackId });
    assert.deepEqual(review.scriptAdherence, expected);
    assert.deepEqual(review.words.map((word) => word.text.toLowerCase()), HEARD);

    // Lectern closed and opened again: the review page still reads it.
    await jobRegistryFor(store).cancelAll();
    store.close();
    const reopened = DataStore.open(dir);
    try {
      const again = await invokeOk(reopened, 'feedback_review_get', { profileId, feedbackId: result.feedbackId });
      assert.deepEqual(again.review.scriptAdherence, expected);
    } finally {
      reopened.close();
    }
  });

  test('a take that departs from the script: fell back to free recognition; the whole script skipped, what was heard added', async () => {
    const { store, profileId, result } = await recordWithScript(DEPARTS);
    const { review } = await invokeOk(store, 'feedback_review_get', { profileId, feedbackId: result.feedbackId });
    const adherence = review.scriptAdherence!;
    assert.equal(adherence.fellBack, true);
    assert.equal(adherence.coverage, 0);
    assert.deepEqual(adherence.skipped, [{ fromWord: 0, toWord: 10, text: 'our quarterly results show strong growth in every region this year', atMs: null }]);
    // Nothing of the script was said: every word recognised freely is added, as one passage timed like the words.
    assert.deepEqual(adherence.added, [
      { tStartMs: review.words[0]!.tStartMs, tEndMs: review.words.at(-1)!.tEndMs, text: review.words.map((word) => word.text).join(' ') },
    ]);
    assert.deepEqual(result.scriptAdherence, adherence);
  });

  test('a take transcribed without a script has no adherence report; an unknown feedback is refused', async () => {
    const { store, profileId, result } = await recordWithScript(undefined);
    assert.equal(result.scriptAdherence, null);
    assert.equal((await invokeOk(store, 'feedback_review_get', { profileId, feedbackId: result.feedbackId })).review.scriptAdherence, null);
    assert.equal(await invokeErrorCode(store, 'feedback_review_get', { profileId, feedbackId: 'fb_missing' }), 'feedback_not_found');
  });
});
