import type { Logger } from 'pino';
import type { DataStore } from '../../platform/db/data-store.js';

/** How often the running app asks whether a snapshot is due (the policy itself lives in snapshot-policy.ts). */
export const SNAPSHOT_CHECK_EVERY_MS = 60_000;

export interface SnapshotSchedule {
  /** Stops asking and waits for a snapshot in flight: call before the store closes. */
  stop(): Promise<void>;
}

/**
 * Snapshots while `lectern start` runs, not only at its start and end: a session left open for days, or one that changes
 * a lot, is never more than the schedule's interval or a bounded amount of change away from a snapshot. The check runs
 * on a timer, never inside a request, and the snapshot itself runs in a worker thread.
 */
export function startSnapshotSchedule(store: DataStore, log: Logger, everyMs = SNAPSHOT_CHECK_EVERY_MS): SnapshotSchedule {
  const timer = setInterval(() => {
    void store.takeDueSnapshotsInBackground().then((taken) => {
      for (const entry of taken) log.info({ scope: entry.scope, reason: entry.reason }, 'snapshot taken while running');
    });
  }, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await store.backgroundSnapshotsSettled();
    },
  };
}
