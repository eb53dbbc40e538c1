import { systemClock, type Clock } from './clock.js';

/**
 * One timestamp format everywhere: UTC ISO-8601 with milliseconds and `Z` (2026-11-21T09:05:00.123Z).
 * Fixed width, so text order is time order; that is what lets SQL sort on `created_at` columns.
 */
export type UtcTimestamp = string;

const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Now, from the given clock (the data store's, which tests can set), as a timestamp. */
export function nowUtc(clock: Clock = systemClock): UtcTimestamp {
  return toUtcTimestamp(clock.now());
}

export function toUtcTimestamp(date: Date): UtcTimestamp {
  return date.toISOString();
}

export function isUtcTimestamp(value: unknown): value is UtcTimestamp {
  return typeof value === 'string' && UTC_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

/** A compact form for file names (no colons, which some file systems refuse): 20261121T090500123Z. */
export function toFileTimestamp(date: Date): string {
  return toUtcTimestamp(date).replace(/[-:.]/g, '');
}

/** Inverse of toFileTimestamp; null when the text is not one. */
export function parseFileTimestamp(text: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, ms] = match;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}
