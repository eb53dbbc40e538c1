import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../../../kernel/errors.js';
import { runThisThreadInBackground, type ModuleWorkerData } from '../../workers/module-worker.js';
import { BUSY_TIMEOUT_MS } from '../connection-posture.js';
import type { BackgroundSnapshotMessage, BackgroundSnapshotRequest } from './background-snapshot.js';
import { createSnapshot } from './create-snapshot.js';

/*
 * The worker thread of a background snapshot: its own read-only connection, VACUUM INTO a temp file (a read
 * transaction only, so the app's writers never wait), then the same verification, rename and manifest as any
 * snapshot, all off the main thread's event loop and at a lower scheduling priority.
 */
const request = (workerData as ModuleWorkerData<BackgroundSnapshotRequest>).data;
const post = (message: BackgroundSnapshotMessage) => parentPort!.postMessage(message);
runThisThreadInBackground();

let db: Database.Database | undefined;
try {
  db = new Database(request.dbPath, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  const entry = createSnapshot({ ...request, db, method: 'vacuum' });
  post({ type: 'done', entry });
} catch (error) {
  post({ type: 'failed', code: isAppError(error) ? error.code : 'snapshot_failed', message: isAppError(error) ? error.message : 'The snapshot could not be written. The database is untouched.' });
} finally {
  db?.close();
}
