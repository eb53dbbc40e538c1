import { IDEAL_WPM_MAX, IDEAL_WPM_MIN } from '../../../src/contracts/feedback-rules.js';

/** A point as the insights read it: one analysis (see coach_trends). */
export interface InsightPoint {
  feedbackId: string;
  at: string;
  score: number;
  wpm: number | null;
  fillersPerMin: number | null;
}

/** How many of the latest analyses a trend looks at. */
export const TREND_WINDOW = 5;

export type Direction = 'up' | 'down' | 'same' | 'halved' | 'doubled';

export interface Trend {
  from: number;
  to: number;
  /** How many analyses the trend spans (2 to TREND_WINDOW). */
  runs: number;
  direction: Direction;
}

export interface Insights {
  bestScore: { value: number; at: string; feedbackId: string } | null;
  lowestFillers: { value: number; at: string; feedbackId: string } | null;
  scoreTrend: Trend | null;
  fillerTrend: Trend | null;
  /** Of the latest analyses with a pace, how many were in the ideal band. */
  idealPace: { inBand: number; runs: number } | null;
}

/**
 * Personal bests and trends, for the sentences above the charts: the best score and the lowest filler rate (the first
 * one reached when tied), and how the score and the filler rate moved from the first to the last of the latest
 * TREND_WINDOW analyses that have them. A rate that fell to half or less "halved"; one that rose to twice or more
 * "doubled". `points` are oldest first.
 */
export function progressInsights(points: readonly InsightPoint[]): Insights {
  const fillers = points.flatMap((point) => (point.fillersPerMin === null ? [] : [{ ...point, value: point.fillersPerMin }]));
  const paced = points.flatMap((point) => (point.wpm === null ? [] : [point.wpm])).slice(-TREND_WINDOW);
  return {
    bestScore: best(points.map((point) => ({ ...point, value: point.score })), (a, b) => a > b),
    lowestFillers: best(fillers, (a, b) => a < b),
    scoreTrend: trend(points.map((point) => point.score), false),
    fillerTrend: trend(fillers.map((point) => point.value), true),
    idealPace: paced.length === 0 ? null : { inBand: paced.filter((wpm) => wpm >= IDEAL_WPM_MIN && wpm <= IDEAL_WPM_MAX).length, runs: paced.length },
  };
}

function best<T extends { value: number; at: string; feedbackId: string }>(items: readonly T[], better: (a: number, b: number) => boolean) {
  let found: T | null = null;
  for (const item of items) if (!found || better(item.value, found.value)) found = item;
  return found && { value: found.value, at: found.at, feedbackId: found.feedbackId };
}

function trend(values: readonly number[], isRate: boolean): Trend | null {
  const window = values.slice(-TREND_WINDOW);
  if (window.length < 2) return null;
  const from = window[0]!;
  const to = window[window.length - 1]!;
  return { from, to, runs: window.length, direction: directionOf(from, to, isRate) };
}

function directionOf(from: number, to: number, isRate: boolean): Direction {
  if (to === from) return 'same';
  if (isRate && from > 0 && to <= from / 2) return 'halved';
  if (isRate && to > 0 && to >= from * 2) return 'doubled';
  return to > from ? 'up' : 'down';
}
