import type { ErrorCode } from '../../../contracts/error-codes.js';
import { AppError } from '../../../kernel/errors.js';
import { startModuleWorker } from '../../workers/module-worker.js';
import type { DbScope } from '../scope.js';
import type { SnapshotEntry } from './snapshot-inventory.js';
import type { SnapshotReason } from './snapshot-name.js';

export interface BackgroundSnapshotRequest {
  dbPath: string;
  scope: DbScope;
  backupsDir: string;
  reason: SnapshotReason;
  appVersion: string;
}

export type BackgroundSnapshotMessage =
  | { type: 'done'; entry: SnapshotEntry }
  | { type: 'failed'; code: ErrorCode; message: string };

/**
 * A verified snapshot taken in a worker thread on its own read-only connection: the event loop keeps serving requests
 * and the app's connection keeps writing while it runs. Resolves with the new snapshot; retention is the caller's.
 */
export function takeSnapshotInBackground(request: BackgroundSnapshotRequest): Promise<SnapshotEntry> {
  return new Promise((resolve, reject) => {
    const worker = startModuleWorker<BackgroundSnapshotRequest>(import.meta.url, 'snapshot-worker', request);
    let settled = false;
    worker.once('message', (message: BackgroundSnapshotMessage) => {
      settled = true;
      if (message.type === 'done') resolve(message.entry);
      else reject(new AppError(message.code, message.message));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(new AppError('snapshot_failed', 'The snapshot could not be written. The database is untouched.', { cause: error }));
    });
    worker.once('exit', () => {
      if (!settled) reject(new AppError('snapshot_failed', 'The snapshot could not be written. The database is untouched.'));
    });
  });
}
