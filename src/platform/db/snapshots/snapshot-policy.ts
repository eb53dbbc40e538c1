import { PREFERENCE_KEYS } from '../../../contracts/preference-keys.js';
import type { Database } from 'better-sqlite3';
import { statSync } from 'node:fs';

export const SNAPSHOT_INTERVAL_KEY = PREFERENCE_KEYS.snapshotIntervalHours;
export const DEFAULT_SNAPSHOT_INTERVAL_HOURS = 24;
const MIN_HOURS = 1;
const MAX_HOURS = 24 * 30;

const SELECT_INTERVAL = `SELECT value_json AS value FROM global_settings WHERE key = ?`;

/** The scheduled-snapshot interval from the global preferences; out-of-range or missing values fall back to 24 h. */
export function readSnapshotIntervalHours(globalDb: Database): number {
  const row = globalDb.prepare(SELECT_INTERVAL).get(SNAPSHOT_INTERVAL_KEY) as { value: string } | undefined;
  if (!row) return DEFAULT_SNAPSHOT_INTERVAL_HOURS;
  try {
    const hours = Number(JSON.parse(row.value));
    return Number.isFinite(hours) && hours >= MIN_HOURS && hours <= MAX_HOURS ? hours : DEFAULT_SNAPSHOT_INTERVAL_HOURS;
  } catch {
    return DEFAULT_SNAPSHOT_INTERVAL_HOURS;
  }
}

/** What the files said before this process opened the database: enough to tell whether its data changed. */
export interface PreOpenFacts {
  exists: boolean;
  bytes: number;
  mtimeMs: number;
  walBytes: number;
  cleanShutdown: boolean;
}

export function readPreOpenFacts(dbPath: string, cleanShutdown: boolean): PreOpenFacts {
  const db = statOrNull(dbPath);
  const wal = statOrNull(`${dbPath}-wal`);
  return { exists: db !== null, bytes: db?.size ?? 0, mtimeMs: db?.mtimeMs ?? 0, walBytes: wal?.size ?? 0, cleanShutdown };
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * Scheduled snapshot at the first open in a process: the database existed before, and either it has no snapshot yet,
 * or its newest one is older than the interval and the data changed since (the file was written after the snapshot,
 * or the WAL holds work not yet checkpointed). When in doubt it answers yes: an extra snapshot costs little.
 */
export function isScheduledSnapshotDue(facts: PreOpenFacts, newestSnapshotAt: string | null, intervalHours: number, now: Date): boolean {
  if (!facts.exists || facts.bytes === 0) return false;
  if (newestSnapshotAt === null) return true;
  const changed = facts.mtimeMs > Date.parse(newestSnapshotAt) || facts.walBytes > 0;
  return isIntervalOver(newestSnapshotAt, intervalHours, now) && changed;
}

/** No snapshot yet, or the newest one is at least `intervalHours` old. */
export function isIntervalOver(newestSnapshotAt: string | null, intervalHours: number, now: Date): boolean {
  return newestSnapshotAt === null || now.getTime() - Date.parse(newestSnapshotAt) >= intervalHours * 3_600_000;
}

/**
 * While the app runs, a snapshot is due once the interval is over, or earlier after a bounded amount of change (so a
 * long, busy session is never more than that much work away from a snapshot), but never more often than every
 * MIN_MINUTES_BETWEEN_RUNNING_SNAPSHOTS. Nothing is due without change.
 */
export const CHANGES_BEFORE_EARLY_SNAPSHOT = 1000;
export const MIN_MINUTES_BETWEEN_RUNNING_SNAPSHOTS = 15;

export function isRunningSnapshotDue(changesSinceLast: number, newestSnapshotAt: string | null, intervalHours: number, now: Date): boolean {
  if (changesSinceLast <= 0) return false;
  if (isIntervalOver(newestSnapshotAt, intervalHours, now)) return true;
  const minutesSince = (now.getTime() - Date.parse(newestSnapshotAt!)) / 60_000;
  return changesSinceLast >= CHANGES_BEFORE_EARLY_SNAPSHOT && minutesSince >= MIN_MINUTES_BETWEEN_RUNNING_SNAPSHOTS;
}
