import type { FeedbackMetrics } from '../../src/contracts/feedback-v1.js';
import { wpmBandOf } from '../../src/core/feedback/analyzer/wpm-band.js';

/** Metrics of an unremarkable one-minute take, at the given pace, for tests of what reads them (actions, citations). */
export function metricsAt(wpm: number | null, overrides: Partial<FeedbackMetrics> = {}): FeedbackMetrics {
  return {
    durationMs: 60_000,
    words: wpm ?? 140,
    wpm,
    wpmBand: wpm === null ? null : wpmBandOf(wpm),
    fillers: 0,
    fillersPerMin: 0,
    fillerBreakdown: {},
    pauses: 0,
    longPauses: 0,
    sentences: 10,
    avgSentenceWords: 14,
    longSentences: 0,
    repeatedTerms: [],
    jargonTerms: [],
    delivery: null,
    ...overrides,
  };
}
