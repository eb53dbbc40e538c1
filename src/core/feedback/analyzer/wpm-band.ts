import type { WpmBand } from '../../../contracts/feedback-v1.js';
import { WPM_BANDS } from '../../../contracts/feedback-rules.js';

export { IDEAL_WPM_MAX, IDEAL_WPM_MIN, WPM_BANDS } from '../../../contracts/feedback-rules.js';

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
 * published source: they are the values and are easy to revisit in src/contracts/feedback-rules.ts, their
 * one home (the Help page reads them there too).
 */
export function wpmBandOf(wpm: number): WpmBand {
  return WPM_BANDS.find(({ maxWpm }) => wpm <= maxWpm)!.band;
}
