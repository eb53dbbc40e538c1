import * as feedback from '../core/feedback/index.js';
import { defineCommand } from './registry.js';

export const runAnalyze = defineCommand({
  name: 'run_analyze',
  handler: ({ store }, { profileId, runId, force }) => feedback.analyzeRun(store, profileId, runId, force ?? false),
});

export const analyzeAttempt = defineCommand({
  name: 'analyze_attempt',
  handler: ({ store }, { profileId, attemptId, force }) => feedback.analyzeAttempt(store, profileId, attemptId, force ?? false),
});

export const feedbackGet = defineCommand({
  name: 'feedback_get',
  handler: ({ store }, { profileId, feedbackId }) => ({ feedback: feedback.getFeedback(store, profileId, feedbackId) }),
});

export const feedbackContextGet = defineCommand({
  name: 'feedback_context_get',
  handler: ({ store }, { profileId, feedbackId, locale }) => ({ context: feedback.feedbackContext(store, profileId, feedbackId, locale) }),
});

export const feedbackReviewGet = defineCommand({
  name: 'feedback_review_get',
  handler: async ({ store }, { profileId, feedbackId }) => ({ review: await feedback.feedbackReview(store, profileId, feedbackId) }),
});

export const feedbackNumbersGet = defineCommand({
  name: 'feedback_numbers_get',
  handler: ({ store }, { profileId, feedbackIds }) => ({ numbers: feedback.feedbackNumbers(store, profileId, feedbackIds) }),
});

export const feedbackTimelineList = defineCommand({
  name: 'feedback_timeline_list',
  handler: ({ store }, { profileId, ...request }) => ({ items: feedback.feedbackTimeline(store, profileId, request) }),
});

export const feedbackNoteGet = defineCommand({
  name: 'feedback_note_get',
  handler: ({ store }, { profileId, feedbackId }) => ({ note: feedback.getNote(store, profileId, feedbackId) }),
});

export const feedbackNoteSet = defineCommand({
  name: 'feedback_note_set',
  handler: ({ store }, { profileId, feedbackId, note }) => ({ note: feedback.setNote(store, profileId, feedbackId, note) }),
});

export const feedbackMarkOpened = defineCommand({
  name: 'feedback_mark_opened',
  handler: ({ store }, { profileId, feedbackId }) => feedback.markFeedbackOpened(store, profileId, feedbackId),
});

export const FEEDBACK_COMMANDS = [
  runAnalyze,
  analyzeAttempt,
  feedbackGet,
  feedbackContextGet,
  feedbackReviewGet,
  feedbackNumbersGet,
  feedbackTimelineList,
  feedbackNoteGet,
  feedbackNoteSet,
  feedbackMarkOpened,
];
