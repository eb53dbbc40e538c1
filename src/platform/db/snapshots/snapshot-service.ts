import { AppError } from '../../../kernel/errors.js';
import { createSnapshot, type CreateSnapshotRequest } from './create-snapshot.js';
import { listSnapshots, type SnapshotEntry } from './snapshot-inventory.js';
import { pruneSnapshots } from './snapshot-retention.js';

export type TakeSnapshotRequest = CreateSnapshotRequest;

/** Creates a verified snapshot, then applies retention. A failed snapshot deletes nothing. */
export function takeSnapshot(request: TakeSnapshotRequest): SnapshotEntry {
  const entry = createSnapshot(request);
  const currentVersion = Number(request.db.pragma('user_version', { simple: true }));
  pruneSnapshots(listSnapshots(request.backupsDir), currentVersion);
  return entry;
}

/** The `beforeMigrate` guard: no verified snapshot, no migration. */
export function takePreMigrationSnapshot(request: Omit<TakeSnapshotRequest, 'reason'>): SnapshotEntry {
  try {
    return takeSnapshot({ ...request, reason: 'pre-migration' });
  } catch (error) {
    throw new AppError(
      'migration_blocked_no_snapshot',
      'The database needs an upgrade, but the safety snapshot before it could not be taken, so nothing was changed. ' +
        (error instanceof AppError ? error.message : ''),
      { cause: error },
    );
  }
}
