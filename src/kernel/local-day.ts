import { AppError } from './errors.js';

/**
 * Streaks and weeks are counted in the speaker's days, not UTC days: a rehearsal at 23:30 in Montréal belongs to
 * that evening. The time zone is an IANA name (Europe/Paris), from the request or the profile preference.
 */
export function localDayFormatter(timeZone: string): (at: string | Date) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    throw new AppError('time_zone_invalid', 'The time zone is not a known IANA name (like Europe/Paris).');
  }
  return (at) => format.format(typeof at === 'string' ? new Date(at) : at);
}

/** The local day `days` before the given local day (YYYY-MM-DD), by calendar arithmetic. */
export function dayBefore(day: string, days = 1): string {
  const date = new Date(`${day}T12:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** Consecutive days with practice, counted back from today or yesterday; 0 when the last practice is older. */
export function streakDays(practiceDays: ReadonlySet<string>, today: string): number {
  let day = practiceDays.has(today) ? today : dayBefore(today);
  let streak = 0;
  while (practiceDays.has(day)) {
    streak += 1;
    day = dayBefore(day);
  }
  return streak;
}
