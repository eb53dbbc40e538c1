// Test fixture process: opens a data dir the way the app does (lock + global database) and keeps it until killed.
import { DataStore } from '../../src/platform/db/data-store.js';

const store = DataStore.open(process.argv[2]!);
store.global();
process.on('SIGTERM', () => {
  store.close();
  process.exit(0);
});
process.stdout.write(`holding ${process.pid}\n`);
setInterval(() => {}, 1 << 30);
