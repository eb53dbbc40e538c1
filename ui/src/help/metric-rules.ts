import {
  AVG_SENTENCE_WORDS_FREE,
  CLIPPING_RATIO_LIMIT,
  FILLERS_FREE_PER_100_WORDS,
  FILLERS_FREE_PER_MIN,
  LONG_PAUSE_MIN_MS,
  LONG_PAUSES_FREE_PER_MINUTE,
  LONG_SENTENCE_WORDS,
  MONOTONE_BELOW_SEMITONES,
  PAUSE_MIN_MS,
  PENALTY_CAPS,
  REPEATED_TERM_MIN_COUNT,
  REPEATED_TERM_MIN_LETTERS,
  REPEATED_TERMS_FREE,
  TARGET_DURATION_TOLERANCE,
  TOO_QUIET_BELOW_DBFS,
} from '../../../src/contracts/feedback-rules.js';
import { t, type MessageKey } from '../i18n';
import { formatNumber } from '../util/format';

/** One metric as Help explains it: what it measures, the band it is judged against, and the most it can cost. */
export interface MetricRule {
  id: keyof typeof PENALTY_CAPS;
  name: string;
  meaning: string;
  band: string;
  maxPoints: number;
}

const NAMES: Record<keyof typeof PENALTY_CAPS, MessageKey> = {
  pace: 'metrics.wpm',
  fillers: 'metrics.fillers',
  longPauses: 'metrics.pauses',
  sentences: 'metrics.sentences',
  repetition: 'metrics.repeated',
  targetDuration: 'help.metric.targetDuration',
  monotone: 'metrics.pitch',
  volume: 'metrics.loudness',
};

const seconds = (ms: number) => formatNumber(ms / 1000);
const percent = (ratio: number) => formatNumber(ratio * 100);

/** The bands in words, every number read from src/contracts/feedback-rules.ts (the analyzer's own). */
function bandOf(id: keyof typeof PENALTY_CAPS): string {
  switch (id) {
    case 'pace':
      return t('help.band.pace', { long: seconds(LONG_PAUSE_MIN_MS) });
    case 'fillers':
      return t('help.band.fillers', { perMinute: formatNumber(FILLERS_FREE_PER_MIN), per100: formatNumber(FILLERS_FREE_PER_100_WORDS) });
    case 'longPauses':
      return t('help.band.longPauses', { pause: PAUSE_MIN_MS, long: seconds(LONG_PAUSE_MIN_MS), free: LONG_PAUSES_FREE_PER_MINUTE });
    case 'sentences':
      return t('help.band.sentences', { average: AVG_SENTENCE_WORDS_FREE, long: LONG_SENTENCE_WORDS });
    case 'repetition':
      return t('help.band.repetition', { letters: REPEATED_TERM_MIN_LETTERS, times: REPEATED_TERM_MIN_COUNT, free: REPEATED_TERMS_FREE });
    case 'targetDuration':
      return t('help.band.targetDuration', { tolerance: percent(TARGET_DURATION_TOLERANCE) });
    case 'monotone':
      return t('help.band.monotone', { semitones: formatNumber(MONOTONE_BELOW_SEMITONES) });
    case 'volume':
      return t('help.band.volume', { dbfs: formatNumber(TOO_QUIET_BELOW_DBFS), clipping: percent(CLIPPING_RATIO_LIMIT) });
  }
}

export function metricRules(): MetricRule[] {
  return (Object.keys(PENALTY_CAPS) as (keyof typeof PENALTY_CAPS)[]).map((id) => ({
    id,
    name: t(NAMES[id]),
    meaning: t(`help.meaning.${id}`),
    band: bandOf(id),
    maxPoints: PENALTY_CAPS[id],
  }));
}
