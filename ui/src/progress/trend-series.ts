import { TARGET_DURATION_TOLERANCE } from '../../../src/contracts/feedback-rules.js';

/**
 * A run's length as a share of its talk's target, in percent (100 = on target, rounded to a whole percent); unknown
 * without a measured duration or a target.
 */
export function percentOfTarget(durationMs: number | null, targetDurationSec: number | null): number | null {
  if (durationMs === null || targetDurationSec === null || targetDurationSec <= 0) return null;
  return Math.round(durationMs / (targetDurationSec * 10));
}

/** The lengths that cost nothing, in percent of the target: 80-120 with the analyzer's ±20% tolerance. */
export const ON_TARGET_BAND: [number, number] = [
  Math.round(100 * (1 - TARGET_DURATION_TOLERANCE)),
  Math.round(100 * (1 + TARGET_DURATION_TOLERANCE)),
];
