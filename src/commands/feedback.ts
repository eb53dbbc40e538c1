import * as feedback from '../core/feedback/index.js';
import { defineProfileCommand } from './registry.js';

export const runAnalyze = defineProfileCommand({
  name: 'run_analyze',
  handler: (session, { runId, force }) => feedback.analyzeRun(session, runId, force ?? false),
});

export const analyzeAttempt = defineProfileCommand({
  name: 'analyze_attempt',
  handler: (session, { attemptId, force }) => feedback.analyzeAttempt(session, attemptId, force ?? false),
});

export const feedbackGet = defineProfileCommand({
  name: 'feedback_get',
  handler: (session, { feedbackId }) => ({ feedback: feedback.getFeedback(session, feedbackId) }),
});

export const feedbackContextGet = defineProfileCommand({
  name: 'feedback_context_get',
  handler: (session, { feedbackId, locale }) => ({ context: feedback.feedbackContext(session, feedbackId, locale) }),
});

export const feedbackReviewGet = defineProfileCommand({
  name: 'feedback_review_get',
  handler: async (session, { feedbackId }) => ({ review: await feedback.feedbackReview(session, feedbackId) }),
});

export const feedbackNumbersGet = defineProfileCommand({
  name: 'feedback_numbers_get',
  handler: (session, { feedbackIds }) => ({ numbers: feedback.feedbackNumbers(session, feedbackIds) }),
});

export const feedbackTimelineList = defineProfileCommand({
  name: 'feedback_timeline_list',
  handler: (session, request) => ({ items: feedback.feedbackTimeline(session, request) }),
});

export const feedbackNoteGet = defineProfileCommand({
  name: 'feedback_note_get',
  handler: (session, { feedbackId }) => ({ note: feedback.getNote(session, feedbackId) }),
});

export const feedbackNoteSet = defineProfileCommand({
  name: 'feedback_note_set',
  handler: (session, { feedbackId, note }) => ({ note: feedback.setNote(session, feedbackId, note) }),
});

export const FEEDBACK_COMMANDS = [runAnalyze, analyzeAttempt, feedbackGet, feedbackContextGet, feedbackReviewGet, feedbackNumbersGet, feedbackTimelineList, feedbackNoteGet, feedbackNoteSet];
