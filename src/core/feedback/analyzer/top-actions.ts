import { ACTION_CATALOGUE } from '../../../contracts/action-catalogue.js';
import type { ActionId, TopAction } from '../../../contracts/feedback-v1.js';
import type { Penalties } from './score.js';
import { IDEAL_WPM_MAX } from './wpm-band.js';

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
 * A penalty of 0 gives no action, so a clean take gets none.
 */
export function topActions(penalties: Penalties, wpm: number | null, tooQuiet = false): TopAction[] {
  return PENALTY_ORDER.filter((kind) => penalties[kind] > 0)
    .map((kind, order) => ({ kind, order, penalty: penalties[kind] }))
    .sort((a, b) => b.penalty - a.penalty || a.order - b.order)
    .slice(0, TOP_ACTIONS_MAX)
    .map(({ kind }) => actionFor(actionIdFor(kind, wpm, tooQuiet)));
}

function actionIdFor(kind: keyof Penalties, wpm: number | null, tooQuiet: boolean): ActionId {
  switch (kind) {
    case 'fillers':
      return 'reduce_fillers';
    case 'pace':
      return wpm !== null && wpm > IDEAL_WPM_MAX ? 'slow_down' : 'speed_up';
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
      return tooQuiet ? 'speak_up' : 'ease_off_the_mic';
  }
}

function actionFor(id: ActionId): TopAction {
  const copy = ACTION_CATALOGUE[id];
  // Copies, so a caller editing its feedback can never edit the catalogue.
  return { id, title: { ...copy.title }, why: { ...copy.why }, how: { ...copy.how }, targetQuestCodes: [...copy.targetQuestCodes] };
}
