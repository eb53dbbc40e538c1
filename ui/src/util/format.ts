import { language } from '../i18n';

function locale(): string {
  return language.value === 'fr' ? 'fr-FR' : 'en-GB';
}

/** 3:07 or 1:02:03 from milliseconds. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Local date and time; `seconds` for snapshots, which a restore takes within the same minute. */
export function formatDateTime(iso: string | null, { seconds = false } = {}): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' }).format(date);
}

/** When a snapshot was taken, to the second (see formatDateTime). */
export function formatSnapshotTime(iso: string | null): string {
  return formatDateTime(iso, { seconds: true });
}

/** "09:14" (or "9:14 am" where the locale says so): the time of day, local. */
export function formatTimeOfDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { timeStyle: 'short' }).format(date);
}

export function formatShortDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short' }).format(date);
}

export function formatNumber(value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits }).format(value);
}

export function formatBytes(bytes: number): string {
  const units = language.value === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value, unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** "8 min" or "7.5 min" from seconds. */
export function formatMinutes(seconds: number): string {
  return `${formatNumber(seconds / 60, 1)} min`;
}

/** "30 Nov, 14:05": a short date with the time, to tell apart points of the same day. */
export function formatShortDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(date);
}

/** "34%" in English, "34 %" in French, from 0-100. */
export function formatPercent(percent: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

/** 0:03.4 or 1:02:03.4 from milliseconds: a clock to the tenth of a second (trim handles), cut down, never rounded up. */
export function formatClockTenths(ms: number): string {
  const tenths = Math.max(0, Math.floor(ms / 100));
  const decimal = new Intl.NumberFormat(locale(), { minimumIntegerDigits: 2, minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const minutesPart = formatClock(Math.floor(tenths / 600) * 60_000);
  return `${minutesPart.slice(0, minutesPart.lastIndexOf(':'))}:${decimal.format((tenths % 600) / 10)}`;
}

/** Seconds to the tenth, for a count said in words ("3.5 seconds"): cut down like formatClockTenths. */
export function tenthsOfSeconds(ms: number): number {
  return Math.floor(Math.max(0, ms) / 100) / 10;
}
