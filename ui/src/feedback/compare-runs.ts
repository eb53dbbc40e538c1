import { AVG_SENTENCE_WORDS_FREE, IDEAL_WPM_MAX, IDEAL_WPM_MIN } from '../../../src/contracts/feedback-rules.js';
import type { FeedbackV1 } from '../api/types/feedback';

export type Verdict = 'better' | 'worse' | 'same' | 'none';

export interface ComparedMetric {
  key: 'score' | 'wpm' | 'fillersPerMin' | 'longPauses' | 'avgSentenceWords' | 'durationMs' | 'pitch';
  before: number | null;
  after: number | null;
  verdict: Verdict;
}

/**
 * How far a value is from what the feedback's rules call good (0 inside the band): the smaller, the better. Null for
 * a measure without a good direction (the duration is judged against a target the feedback does not carry).
 */
const DISTANCE: Record<ComparedMetric['key'], ((value: number) => number) | null> = {
  score: (value) => 100 - value,
  wpm: (value) => Math.max(0, IDEAL_WPM_MIN - value, value - IDEAL_WPM_MAX),
  fillersPerMin: (value) => value,
  longPauses: (value) => value,
  avgSentenceWords: (value) => Math.max(0, value - AVG_SENTENCE_WORDS_FREE),
  durationMs: null,
  pitch: (value) => -value,
};

/** Every metric of two takes of the same talk, the earlier first, with whether the later one did better. */
export function compareRuns(before: FeedbackV1, after: FeedbackV1): ComparedMetric[] {
  const read = (feedback: FeedbackV1): Record<ComparedMetric['key'], number | null> => ({
    score: feedback.overallScore,
    wpm: feedback.metrics.wpm,
    fillersPerMin: feedback.metrics.fillersPerMin,
    longPauses: feedback.metrics.longPauses,
    avgSentenceWords: feedback.metrics.avgSentenceWords,
    durationMs: feedback.metrics.durationMs,
    pitch: feedback.metrics.delivery?.pitchVariabilitySemitones ?? null,
  });
  const a = read(before);
  const b = read(after);
  return (Object.keys(DISTANCE) as ComparedMetric['key'][]).map((key) => ({ key, before: a[key], after: b[key], verdict: verdictOf(key, a[key], b[key]) }));
}

function verdictOf(key: ComparedMetric['key'], before: number | null, after: number | null): Verdict {
  const distance = DISTANCE[key];
  if (before === null || after === null || distance === null) return 'none';
  const change = distance(after) - distance(before);
  return change < 0 ? 'better' : change > 0 ? 'worse' : 'same';
}
