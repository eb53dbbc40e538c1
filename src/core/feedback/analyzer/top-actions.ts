import { ACTION_CATALOGUE } from '../../../contracts/action-catalogue.js';
import {
  AVG_SENTENCE_WORDS_FREE,
  CLIPPING_RATIO_LIMIT,
  FILLERS_FREE_PER_100_WORDS,
  FILLERS_FREE_PER_MIN,
  IDEAL_WPM_MAX,
  IDEAL_WPM_MIN,
  MONOTONE_BELOW_SEMITONES,
  REPEATED_TERMS_FREE,
  TARGET_DURATION_TOLERANCE,
  TOO_QUIET_BELOW_DBFS,
} from '../../../contracts/feedback-rules.js';
import type { ActionId, Citation, FeedbackMetrics, TopAction } from '../../../contracts/feedback-v1.js';
import { roundToTenth } from './round.js';
import { longPausesAllowed, type Penalties } from './score.js';

export const TOP_ACTIONS_MAX = 2;

/** On equal penalties the earlier kind wins: the order of the action list. */
const PENALTY_ORDER: readonly (keyof Penalties)[] = [
  'fillers',
  'pace',
  'sentences',
  'repetition',
  'longPauses',
  'targetDuration',
  'monotone',
  'volume',
];

/**
 * At most two actions, the ones that cost the most points (two is what a speaker can work on in the next take).
 * A penalty of 0 gives no action, so a clean take gets none. Each action cites the published metric that triggered
 * it and the limit that metric crossed, so the page never gives advice its own numbers do not show.
 */
export function topActions(penalties: Penalties, metrics: FeedbackMetrics, targetDurationSec: number | null = null): TopAction[] {
  return PENALTY_ORDER.filter((kind) => penalties[kind] > 0)
    .map((kind, order) => ({ kind, order, penalty: penalties[kind] }))
    .sort((a, b) => b.penalty - a.penalty || a.order - b.order)
    .slice(0, TOP_ACTIONS_MAX)
    .map(({ kind }) => actionFor(actionIdFor(kind, metrics), citationFor(kind, metrics, targetDurationSec)));
}

function actionIdFor(kind: keyof Penalties, metrics: FeedbackMetrics): ActionId {
  switch (kind) {
    case 'fillers':
      return 'reduce_fillers';
    case 'pace':
      return metrics.wpm !== null && metrics.wpm > IDEAL_WPM_MAX ? 'slow_down' : 'speed_up';
    case 'sentences':
      return 'shorten_sentences';
    case 'repetition':
      return 'vary_terms';
    case 'longPauses':
      return 'fewer_long_pauses';
    case 'targetDuration':
      return 'fit_target_duration';
    case 'monotone':
      return 'vary_pitch';
    case 'volume':
      return metrics.delivery?.tooQuiet ? 'speak_up' : 'ease_off_the_mic';
  }
}

/** The measurement behind a penalty, as published in the metrics, and the edge of its band (feedback-rules.ts). */
function citationFor(kind: keyof Penalties, metrics: FeedbackMetrics, targetDurationSec: number | null): Citation {
  switch (kind) {
    case 'fillers':
      return metrics.fillersPerMin !== null
        ? { metric: 'fillersPerMin', value: metrics.fillersPerMin, limit: FILLERS_FREE_PER_MIN }
        : { metric: 'fillersPer100Words', value: roundToTenth((100 * metrics.fillers) / metrics.words), limit: FILLERS_FREE_PER_100_WORDS };
    case 'pace':
      return { metric: 'wpm', value: metrics.wpm!, limit: metrics.wpm! > IDEAL_WPM_MAX ? IDEAL_WPM_MAX : IDEAL_WPM_MIN };
    case 'sentences':
      return { metric: 'avgSentenceWords', value: metrics.avgSentenceWords, limit: AVG_SENTENCE_WORDS_FREE };
    case 'repetition':
      return { metric: 'repeatedTerms', value: metrics.repeatedTerms.length, limit: REPEATED_TERMS_FREE };
    case 'longPauses':
      return { metric: 'longPauses', value: metrics.longPauses!, limit: longPausesAllowed(metrics.durationMs) };
    case 'targetDuration': {
      const targetMs = (targetDurationSec ?? 0) * 1000;
      const over = metrics.durationMs! > targetMs;
      return { metric: 'durationMs', value: metrics.durationMs!, limit: Math.round(targetMs * (over ? 1 + TARGET_DURATION_TOLERANCE : 1 - TARGET_DURATION_TOLERANCE)) };
    }
    case 'monotone':
      return { metric: 'pitchVariabilitySemitones', value: metrics.delivery?.pitchVariabilitySemitones ?? 0, limit: MONOTONE_BELOW_SEMITONES };
    case 'volume':
      return metrics.delivery?.tooQuiet
        ? { metric: 'loudnessDbfs', value: metrics.delivery.loudnessDbfs, limit: TOO_QUIET_BELOW_DBFS }
        : { metric: 'clippingRatio', value: metrics.delivery?.clippingRatio ?? 0, limit: CLIPPING_RATIO_LIMIT };
  }
}

function actionFor(id: ActionId, cites: Citation): TopAction {
  const copy = ACTION_CATALOGUE[id];
  // Copies, so a caller editing its feedback can never edit the catalogue.
  return { id, title: { ...copy.title }, why: { ...copy.why }, how: { ...copy.how }, targetQuestCodes: [...copy.targetQuestCodes], cites };
}
