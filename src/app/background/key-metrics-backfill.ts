import { backfillKeyMetrics } from '../../core/feedback/index.js';
import { AppError } from '../../kernel/errors.js';
import type { DataStore } from '../../platform/db/data-store.js';

/**
 * After a profile's database opens (and migrates), fills its older feedback rows' numbers from their files, in the
 * background: on the next turn of the event loop, a batch per turn, so neither the open nor requests wait for it. A
 * failure is told as a warning and retried at the next open; unreadable files are counted, never fatal.
 */
export function backfillKeyMetricsLater(store: () => DataStore, profileId: string, warn: (message: string) => void): void {
  setImmediate(() => {
    void backfillKeyMetrics(store(), profileId).then(
      (outcome) => {
        if (outcome.unreadable > 0) {
          warn(`${outcome.unreadable} older feedback file(s) could not be read; their new chart values stay empty.`);
        }
      },
      (error: unknown) => warn(`Filling older feedback numbers failed (${error instanceof AppError ? error.code : 'error'}); it is tried again at the next start.`),
    );
  });
}
