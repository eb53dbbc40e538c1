import { describeRecoveryEvent } from '../../core/health/index.js';
import { backfillKeyMetricsLater } from '../background/key-metrics-backfill.js';
import { DataStore, type DataStoreOptions } from '../../platform/db/data-store.js';
import { jobRegistryFor } from '../../platform/jobs/job-registry.js';
import { APP_VERSION } from '../app-version.js';
import { EXIT } from './exit-codes.js';
import { reportFailure } from './output.js';

/**
 * The CLI's way to take ownership of a data folder: app version in notes and manifests, warnings on stderr, and one
 * line on stderr for each recovery Lectern makes on its own while this command runs (times in local time).
 */
export function openStore(dataDir: string, options: Pick<DataStoreOptions, 'shutdownSnapshot'> = {}): DataStore {
  const warn = (message: string) => process.stderr.write(`warning: ${message}\n`);
  const store: DataStore = DataStore.open(dataDir, {
    ...options,
    appVersion: APP_VERSION,
    onWarning: warn,
    onRecovery: (event) => process.stderr.write(`notice: ${describeRecoveryEvent(event, { formatTime: localTime })}\n`),
    // Older feedback rows get the numbers migration 0009 added, read from their files once (see the function).
    afterProfileOpen: (profileId) => backfillKeyMetricsLater(() => store, profileId, warn),
  });
  return store;
}

function localTime(utc: string): string {
  return new Date(utc).toLocaleString();
}

/**
 * Runs one CLI action while owning the data folder: refused (exit 4) when the folder cannot be taken (another process
 * owns it, or it cannot be opened), the action's own failures reported with `failureExit`, and the store always closed.
 */
export function withOwnedStore(
  dataDir: string,
  json: boolean | undefined,
  failureExit: number,
  action: (store: DataStore) => number,
): number {
  const store = openOrReport(dataDir, json);
  if (typeof store === 'number') return store;
  try {
    return action(store);
  } catch (error) {
    return reportFailure(error, json, failureExit);
  } finally {
    store.close();
  }
}

/** The same for an action that waits (a download, a benchmark); jobs it left running are cancelled before closing. */
export async function withOwnedStoreAsync(
  dataDir: string,
  json: boolean | undefined,
  failureExit: number,
  action: (store: DataStore) => Promise<number>,
): Promise<number> {
  const store = openOrReport(dataDir, json);
  if (typeof store === 'number') return store;
  try {
    return await action(store);
  } catch (error) {
    return reportFailure(error, json, failureExit);
  } finally {
    await jobRegistryFor(store).cancelAll();
    store.close();
  }
}

function openOrReport(dataDir: string, json: boolean | undefined): DataStore | number {
  try {
    return openStore(dataDir);
  } catch (error) {
    return reportFailure(error, json, EXIT.refused);
  }
}
