import type { WpmBand } from '../../../src/contracts/feedback-v1.js';
import { WPM_BANDS } from '../../../src/contracts/feedback-rules.js';

/** One pace band as Help shows it: its first and last words-per-minute (null: open-ended). */
export interface PaceRange {
  band: WpmBand;
  fromWpm: number | null;
  toWpm: number | null;
}

/**
 * The pace bands the analyzer uses, as ranges: each band starts one above the previous band's maxWpm (the published
 * WPM is an integer), the first has no lower bound and the last no upper bound.
 */
export function paceRanges(): PaceRange[] {
  return WPM_BANDS.map(({ band, maxWpm }, index) => {
    const previous = WPM_BANDS[index - 1];
    return {
      band,
      fromWpm: previous ? previous.maxWpm + 1 : null,
      toWpm: Number.isFinite(maxWpm) ? maxWpm : null,
    };
  });
}
