import { listProfileIds } from '../../core/workspace/index.js';
import { DataStore } from '../../platform/db/data-store.js';
import { EXIT } from './exit-codes.js';
import { printError } from './output.js';

/**
 * `lectern start`: takes ownership of the data dir, creates and migrates the global database, and reports what it found.
 * The rehearsal web app (loopback server and UI) is not part of this release yet; see the README.
 */
export function runStart(dataDir: string): number {
  let store: DataStore;
  try {
    store = DataStore.open(dataDir);
  } catch (error) {
    printError(error);
    return EXIT.refused;
  }
  try {
    const profiles = listProfileIds(store.global());
    process.stdout.write(
      `Lectern's data is ready in ${dataDir}\n` +
        `  global database migrated and checked; ${profiles.length} profile(s).\n` +
        '  The rehearsal web app is not in this release yet. Check the data with: ./bin/lectern diagnose --all\n',
    );
    return EXIT.ok;
  } catch (error) {
    printError(error);
    return EXIT.refused;
  } finally {
    store.close();
  }
}
