import { DataStore } from '../../platform/db/data-store.js';
import { APP_VERSION } from '../app-version.js';
import { EXIT } from './exit-codes.js';
import { reportFailure } from './output.js';

/** The CLI's way to take ownership of a data folder: app version in notes and manifests, warnings on stderr. */
export function openStore(dataDir: string): DataStore {
  return DataStore.open(dataDir, {
    appVersion: APP_VERSION,
    onWarning: (message) => process.stderr.write(`warning: ${message}\n`),
  });
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
  let store: DataStore;
  try {
    store = openStore(dataDir);
  } catch (error) {
    return reportFailure(error, json, EXIT.refused);
  }
  try {
    return action(store);
  } catch (error) {
    return reportFailure(error, json, failureExit);
  } finally {
    store.close();
  }
}
