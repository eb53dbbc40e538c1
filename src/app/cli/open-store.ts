import { DataStore } from '../../platform/db/data-store.js';
import { APP_VERSION } from '../app-version.js';

/** The CLI's way to take ownership of a data folder: app version in notes and manifests, warnings on stderr. */
export function openStore(dataDir: string): DataStore {
  return DataStore.open(dataDir, {
    appVersion: APP_VERSION,
    onWarning: (message) => process.stderr.write(`warning: ${message}\n`),
  });
}
