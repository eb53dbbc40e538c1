import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FeedbackV1 } from '../../ui/src/api/types/feedback';
import { compareRuns } from '../../ui/src/feedback/compare-runs';
import { metricsAt } from '../support/feedback-metrics.js';

const feedback = (score: number, metrics: Partial<FeedbackV1['metrics']>): FeedbackV1 => ({
  schemaVersion: 1,
  analyzerVersion: 3,
  language: 'en',
  overallScore: score,
  metrics: { ...metricsAt(150), ...metrics },
  topActions: [],
  comments: [],
});

test('two runs compared: better or worse by the feedback rules, not by the bigger number', { timeout: 10_000 }, () => {
  const before = feedback(70, { wpm: 190, wpmBand: 'too_fast', fillersPerMin: 4, longPauses: 2, avgSentenceWords: 18, durationMs: 60_000 });
  const after = feedback(82, { wpm: 120, wpmBand: 'slow', fillersPerMin: 4, longPauses: 3, avgSentenceWords: 12, durationMs: 50_000 });
  const verdicts = Object.fromEntries(compareRuns(before, after).map((row) => [row.key, [row.before, row.after, row.verdict]]));
  assert.deepEqual(verdicts, {
    score: [70, 82, 'better'],
    wpm: [190, 120, 'better'], // 30 over the band, then 10 under it
    fillersPerMin: [4, 4, 'same'],
    longPauses: [2, 3, 'worse'],
    avgSentenceWords: [18, 12, 'same'], // both within 20 words: no better, no worse
    durationMs: [60_000, 50_000, 'none'],
    pitch: [null, null, 'none'],
  });
});
