// The first module of a worker thread started from the TypeScript checkout (bin/lectern runs the .ts sources through
// tsx). Loader hooks registered in the main thread do not reach worker threads, so this registers tsx here, then
// loads the real entry. A compiled build starts its .js entry directly and never loads this file
// (module-worker.ts decides).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
