import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { FeedbackV1Schema } from '../../src/contracts/feedback-v1.js';
import { ANALYZER_VERSION } from '../../src/core/feedback/index.js';
import { ArtifactStore } from '../../src/platform/artifacts/artifact-store.js';
import { DataStore } from '../../src/platform/db/data-store.js';
import { invokeErrorCode, invokeOk } from '../support/invoke.js';
import { openStoreWithProfile } from '../support/profile-store.js';

const TALK = [
  'Good morning everyone, um, today I will show you how our team cut release time in half.',
  'First, the problem: every release took two days, you know, because of manual checks.',
  'Then, the solution: we automated the checks and we ship every day.',
  'Finally, I ask you to fund two more engineers so that every team can do the same.',
].join('\n');

async function setup() {
  const { store, profileId } = await openStoreWithProfile();
  const { project } = await invokeOk(store, 'project_create', { profileId, project: { title: 'Release time', durationTargetSec: 120 } });
  const { run } = await invokeOk(store, 'run_create', { profileId, projectId: project.id });
  const feedbackFiles = () => {
    const dir = join(store.layout.profileDir(profileId), 'artifacts', 'feedback');
    return existsSync(dir) ? readdirSync(dir) : [];
  };
  return { store, profileId, projectId: project.id, runId: run.id, feedbackFiles };
}

async function runWithTranscript(store: DataStore, profileId: string, runId: string, text = TALK): Promise<void> {
  const { transcriptId } = await invokeOk(store, 'transcript_save', { profileId, text });
  await invokeOk(store, 'run_set_transcript', { profileId, runId, transcriptId });
}

describe('feedback service', () => {
  test('a run needs a transcript; its analysis is a valid FeedbackV1 stored as a file plus a row with its key numbers', async () => {
    const { store, profileId, runId, feedbackFiles } = await setup();
    assert.equal(await invokeErrorCode(store, 'run_analyze', { profileId, runId }), 'run_missing_transcript');
    await runWithTranscript(store, profileId, runId);
    const result = await invokeOk(store, 'run_analyze', { profileId, runId });
    assert.equal(result.created, true);
    const { feedback } = await invokeOk(store, 'feedback_get', { profileId, feedbackId: result.feedbackId });
    const parsed = FeedbackV1Schema.parse(feedback);
    assert.equal(parsed.metrics.wpm, null, 'typed text has no timing: no invented WPM');
    assert.ok(parsed.metrics.fillers >= 2, 'um and you know');
    const row = store.profile(profileId).prepare('SELECT overall_score, wpm, top_action_id, analyzer_version FROM auto_feedback WHERE id = ?').get(result.feedbackId) as Record<string, unknown>;
    assert.deepEqual(row, { overall_score: parsed.overallScore, wpm: null, top_action_id: parsed.topActions[0]?.id ?? null, analyzer_version: ANALYZER_VERSION });
    assert.equal(feedbackFiles().length, 1);
  });

  test('analysis is idempotent; force makes a new one that becomes the run’s current feedback', async () => {
    const { store, profileId, runId, feedbackFiles } = await setup();
    await runWithTranscript(store, profileId, runId);
    const first = await invokeOk(store, 'run_analyze', { profileId, runId });
    const again = await invokeOk(store, 'run_analyze', { profileId, runId });
    assert.deepEqual(again, { feedbackId: first.feedbackId, created: false });
    assert.equal(feedbackFiles().length, 1);
    const forced = await invokeOk(store, 'run_analyze', { profileId, runId, force: true });
    assert.notEqual(forced.feedbackId, first.feedbackId);
    assert.equal((await invokeOk(store, 'run_get', { profileId, runId })).run.feedbackId, forced.feedbackId);
  });

  test('when the feedback row cannot be written (injected), neither row nor file remains', async () => {
    const { store, profileId, runId, feedbackFiles } = await setup();
    await runWithTranscript(store, profileId, runId);
    store.profile(profileId).exec(`CREATE TEMP TRIGGER fail_feedback BEFORE INSERT ON auto_feedback BEGIN SELECT RAISE(ABORT, 'injected'); END`);
    assert.equal(await invokeErrorCode(store, 'run_analyze', { profileId, runId }), 'internal_error');
    store.profile(profileId).exec('DROP TRIGGER temp.fail_feedback');
    assert.equal(store.profile(profileId).prepare('SELECT count(*) FROM auto_feedback').pluck().get(), 0);
    assert.equal(store.profile(profileId).prepare(`SELECT count(*) FROM artifacts WHERE type = 'feedback'`).pluck().get(), 0);
    assert.deepEqual(feedbackFiles(), []);
  });

  test('a written quest answer is analyzed in its language; context and timeline name the quest', async () => {
    const { store, profileId, projectId } = await setup();
    const { attempt } = await invokeOk(store, 'quest_submit_text', {
      profileId,
      projectId,
      questCode: 'A01',
      text: 'Euh, à la fin, ils sauront pourquoi nous livrons chaque jour, du coup ils pourront le faire aussi.',
    });
    const { feedbackId } = await invokeOk(store, 'analyze_attempt', { profileId, attemptId: attempt.id });
    const { feedback } = await invokeOk(store, 'feedback_get', { profileId, feedbackId });
    assert.equal(feedback.language, 'fr');
    assert.equal(feedback.metrics.fillers, 2, 'euh and du coup');
    const { context } = await invokeOk(store, 'feedback_context_get', { profileId, feedbackId, locale: 'fr' });
    assert.deepEqual([context.subjectType, context.questCode, context.projectId], ['quest_attempt', 'A01', projectId]);
    assert.equal(context.questTitle, 'Phrase d’objectif');
    const { items } = await invokeOk(store, 'feedback_timeline_list', { profileId, projectId });
    assert.deepEqual(items.map((i) => [i.id, i.questCode]), [[feedbackId, 'A01']]);
    assert.equal((await invokeOk(store, 'feedback_timeline_list', { profileId })).items.length, 1);
  });

  test('an audio attempt without transcript cannot be analyzed yet', async () => {
    const { store, profileId, projectId } = await setup();
    const artifacts = new ArtifactStore(store.profile(profileId), store.layout.profileDir(profileId));
    const audio = artifacts.commitWith([{ type: 'audio', extension: 'wav', data: Buffer.alloc(16) }], ([s]) => s!.id);
    const { attempt } = await invokeOk(store, 'quest_submit_audio', { profileId, projectId, questCode: 'D01', audioArtifactId: audio });
    assert.equal(await invokeErrorCode(store, 'analyze_attempt', { profileId, attemptId: attempt.id }), 'attempt_missing_text');
    assert.equal(await invokeErrorCode(store, 'analyze_attempt', { profileId, attemptId: `att_${'0'.repeat(32)}` }), 'attempt_not_found');
  });

  test('notes are trimmed, an empty note deletes it, and the timeline shows when a note changed', async () => {
    const { store, profileId, runId, projectId } = await setup();
    await runWithTranscript(store, profileId, runId);
    const { feedbackId } = await invokeOk(store, 'run_analyze', { profileId, runId });
    const { note } = await invokeOk(store, 'feedback_note_set', { profileId, feedbackId, note: '  Slow down on the ask. ' });
    assert.equal(note.text, 'Slow down on the ask.');
    const { items } = await invokeOk(store, 'feedback_timeline_list', { profileId, projectId });
    assert.equal(items[0]!.noteUpdatedAt, note.updatedAt);
    await invokeOk(store, 'feedback_note_set', { profileId, feedbackId, note: '   ' });
    assert.deepEqual((await invokeOk(store, 'feedback_note_get', { profileId, feedbackId })).note, { feedbackId, text: null, updatedAt: null });
    assert.equal(await invokeErrorCode(store, 'feedback_note_set', { profileId, feedbackId, note: 'x'.repeat(5001) }), 'note_too_long');
    assert.equal(await invokeErrorCode(store, 'feedback_note_get', { profileId, feedbackId: `fb_${'0'.repeat(32)}` }), 'feedback_not_found');
  });
});
