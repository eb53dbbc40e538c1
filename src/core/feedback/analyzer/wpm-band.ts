import type { WpmBand } from '../../../contracts/feedback-v1.js';

/**
 * Pace bands, judged on the published WPM (an integer, so the bands leave no gap):
 *
 * | band     | WPM       |
 * |----------|-----------|
 * | too_slow | < 110     |
 * | slow     | 110 - 129 |
 * | ideal    | 130 - 160 |
 * | fast     | 161 - 180 |
 * | too_fast | > 180     |
 *
 * Source (shared/spec/anchors.md §4): Read.ai coaches toward 130-175 WPM; Orai started with 120-145 and dropped a
 * fixed band; Speaker Coach's band could not be retrieved. The ideal band keeps Read.ai's lower bound (130) and
 * stops at 160, the choice for a talk to an audience (slower than a meeting, where Read.ai's 175 applies);
 * 161-180 is "fast" rather than wrong, which still covers Read.ai's upper bound. The 110 and 180 limits have no
 * published source: they are the values and are easy to revisit here.
 */
export const WPM_BANDS: readonly { band: WpmBand; maxWpm: number }[] = [
  { band: 'too_slow', maxWpm: 109 },
  { band: 'slow', maxWpm: 129 },
  { band: 'ideal', maxWpm: 160 },
  { band: 'fast', maxWpm: 180 },
  { band: 'too_fast', maxWpm: Number.POSITIVE_INFINITY },
];

export const IDEAL_WPM_MIN = 130;
export const IDEAL_WPM_MAX = 160;

export function wpmBandOf(wpm: number): WpmBand {
  return WPM_BANDS.find(({ maxWpm }) => wpm <= maxWpm)!.band;
}
