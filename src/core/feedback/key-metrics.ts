import type { FeedbackV1 } from './types.js';
import type { KeyMetrics } from './repo.js';

/**
 * The numbers of an analysis that its auto_feedback row carries (migrations 0003 and 0009): written with the row, and
 * filled from the file for rows older than 0009 (backfill-key-metrics.ts), so both take them from here.
 */
export function keyMetricsOf(feedback: FeedbackV1): KeyMetrics {
  const { metrics } = feedback;
  return {
    durationMs: metrics.durationMs,
    wpm: metrics.wpm,
    fillersPerMin: metrics.fillersPerMin,
    topActionId: feedback.topActions[0]?.id ?? null,
    pauses: metrics.pauses,
    longPauses: metrics.longPauses,
    pitchVariabilitySemitones: metrics.delivery?.pitchVariabilitySemitones ?? null,
    wpmWholeRun: metrics.wpmWholeRun ?? null,
  };
}

/** A row whose file could not be read keeps what it has and gets NULL for the rest: never a made-up number. */
export const UNKNOWN_KEY_METRICS: KeyMetrics = {
  durationMs: null,
  wpm: null,
  fillersPerMin: null,
  topActionId: null,
  pauses: null,
  longPauses: null,
  pitchVariabilitySemitones: null,
  wpmWholeRun: null,
};
