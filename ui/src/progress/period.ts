/** The periods the Progress page can show: the last 7 days, the last 30 days, or everything. */
export const PERIODS = ['week', 'month', 'all'] as const;
export type Period = (typeof PERIODS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;
const PERIOD_DAYS: Record<Exclude<Period, 'all'>, number> = { week: 7, month: 30 };

/** The points made within the period before `now` (the clock is passed in: tests fix it). */
export function withinPeriod<T extends { at: string }>(points: readonly T[], period: Period, now: Date): T[] {
  if (period === 'all') return [...points];
  const since = now.getTime() - PERIOD_DAYS[period] * DAY_MS;
  return points.filter((point) => Date.parse(point.at) > since);
}
