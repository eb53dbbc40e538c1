import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ManualClock } from '../../src/kernel/clock.js';
import { invokeErrorCode, invokeOk } from '../support/invoke.js';
import { openStoreWithProfile } from '../support/profile-store.js';

/**
 * Feedback is "opened" once its review page has shown it (the page calls feedback_mark_opened); the mascot's "fresh
 * feedback to read" counts only feedback not opened yet. Reading feedback through a read command opens nothing.
 */
async function twoAnalysedAttempts() {
  const clock = new ManualClock('2026-11-25T09:00:00.000Z');
  const { store, profileId } = await openStoreWithProfile({ clock });
  const { project } = await invokeOk(store, 'project_ensure_training', { profileId });
  const analysed = async (text: string) => {
    const { attempt } = await invokeOk(store, 'quest_submit_text', { profileId, projectId: project.id, questCode: 'A01', text });
    return (await invokeOk(store, 'analyze_attempt', { profileId, attemptId: attempt.id })).feedbackId;
  };
  const first = await analysed('We ship every day. Small steps keep every change easy to review.');
  clock.advance(60_000);
  const second = await analysed('Today I will show you how we release, and why it matters to our customers.');
  const mascot = async () => (await invokeOk(store, 'mascot_get_context_message', { profileId, routeName: 'training', timeZone: 'UTC' })).message;
  const openedAtOf = (feedbackId: string) => store.profile(profileId).prepare('SELECT opened_at FROM auto_feedback WHERE id = ?').pluck().get(feedbackId);
  return { clock, store, profileId, first, second, mascot, openedAtOf };
}

describe('feedback_mark_opened: the review page says a feedback was seen', () => {
  test('the first opening is kept with the store clock’s time; opening again changes nothing', async () => {
    const { clock, store, profileId, first, second, openedAtOf } = await twoAnalysedAttempts();
    clock.set('2026-11-25T10:15:30.000Z');
    assert.deepEqual(await invokeOk(store, 'feedback_mark_opened', { profileId, feedbackId: first }), { feedbackId: first, openedAt: '2026-11-25T10:15:30.000Z' });
    clock.set('2026-11-25T18:00:00.000Z');
    assert.deepEqual(await invokeOk(store, 'feedback_mark_opened', { profileId, feedbackId: first }), { feedbackId: first, openedAt: '2026-11-25T10:15:30.000Z' });
    assert.equal(openedAtOf(first), '2026-11-25T10:15:30.000Z');
    // The feedback list says which are not read yet.
    const { items } = await invokeOk(store, 'feedback_timeline_list', { profileId });
    assert.deepEqual(items.map((item) => [item.id, item.openedAt]), [[second, null], [first, '2026-11-25T10:15:30.000Z']]);
  });

  test('reading a feedback (the page’s read commands) does not open it', async () => {
    const { store, profileId, first, openedAtOf } = await twoAnalysedAttempts();
    await invokeOk(store, 'feedback_get', { profileId, feedbackId: first });
    await invokeOk(store, 'feedback_context_get', { profileId, feedbackId: first });
    await invokeOk(store, 'feedback_review_get', { profileId, feedbackId: first });
    assert.equal(openedAtOf(first), null);
  });

  test('refusals: an unknown feedback (feedback_not_found), a payload with an unknown key (invalid_payload); nothing opened', async () => {
    const { store, profileId, first, second, openedAtOf } = await twoAnalysedAttempts();
    assert.equal(await invokeErrorCode(store, 'feedback_mark_opened', { profileId, feedbackId: `fb_${'0'.repeat(32)}` }), 'feedback_not_found');
    assert.equal(await invokeErrorCode(store, 'feedback_mark_opened', { profileId, feedbackId: first, openedAt: '2020-01-01T00:00:00.000Z' } as never), 'invalid_payload');
    assert.deepEqual([openedAtOf(first), openedAtOf(second)], [null, null]);
  });

  test('the mascot counts only feedback not opened yet: 2, then 1, then none ("2 fresh feedback" never after both were opened)', async () => {
    const { clock, store, profileId, first, second, mascot } = await twoAnalysedAttempts();
    clock.set('2026-11-25T12:00:00.000Z');
    const before = await mascot();
    assert.deepEqual([before.id, before.body], ['feedback-ready', '2 fresh pieces of feedback to read: pick one action and try again.']);
    await invokeOk(store, 'feedback_mark_opened', { profileId, feedbackId: first });
    const one = await mascot();
    assert.deepEqual([one.id, one.body], ['feedback-ready', '1 fresh piece of feedback to read: pick one action and try again.']);
    await invokeOk(store, 'feedback_mark_opened', { profileId, feedbackId: second });
    const none = await mascot();
    assert.equal(none.id, 'steady');
    assert.notEqual(none.id, 'first-quest');
  });

  test('fresh feedback is the whole profile’s: runs of any talk count, like the list the mascot’s button opens', async () => {
    const clock = new ManualClock('2026-11-25T09:00:00.000Z');
    const { store, profileId } = await openStoreWithProfile({ clock });
    const { project } = await invokeOk(store, 'project_create', { profileId, project: { title: 'Pitch' } });
    const { run } = await invokeOk(store, 'run_create', { profileId, projectId: project.id });
    const { transcriptId } = await invokeOk(store, 'transcript_save', { profileId, text: 'We ship every day.' });
    await invokeOk(store, 'run_set_transcript', { profileId, runId: run.id, transcriptId });
    const { feedbackId } = await invokeOk(store, 'run_analyze', { profileId, runId: run.id });
    const message = (await invokeOk(store, 'mascot_get_context_message', { profileId, routeName: 'training' })).message;
    assert.deepEqual([message.id, message.body, message.ctaRoute], ['feedback-ready', '1 fresh piece of feedback to read: pick one action and try again.', '/feedback']);
    await invokeOk(store, 'feedback_mark_opened', { profileId, feedbackId });
    assert.equal((await invokeOk(store, 'mascot_get_context_message', { profileId, routeName: 'training' })).message.id, 'steady');
  });
});
