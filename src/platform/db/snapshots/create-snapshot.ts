import type { Database } from 'better-sqlite3';
import { closeSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../kernel/errors.js';
import { nowUtc, toUtcTimestamp } from '../../../kernel/time.js';
import { commitTempFile, writeFileAtomic } from '../../fs/durable-file.js';
import { ensurePrivateDir, makeFilePrivate, PRIVATE_FILE_MODE } from '../../fs/private-permissions.js';
import { classifySqliteFailure } from '../sqlite-failure.js';
import { copyQuiescentDatabase } from './copy-quiescent-database.js';
import { manifestPathOf, type SnapshotEntry, type SnapshotManifest } from './snapshot-inventory.js';
import { snapshotName, type SnapshotReason } from './snapshot-name.js';
import { verifySnapshotFile } from './verify-snapshot.js';
import type { DbScope } from '../scope.js';

export interface CreateSnapshotRequest {
  db: Database;
  scope: DbScope;
  backupsDir: string;
  reason: SnapshotReason;
  appVersion: string;
  /** For pre-migration snapshots: the version the pending migration goes to. */
  migratesTo?: number | null;
  /**
   * `copy` (default): a checkpoint and a file copy under the write lock, as fast as `cp`, falling back to VACUUM INTO.
   * `vacuum`: VACUUM INTO only, which needs nothing but a read transaction, so writers on other connections never
   * wait for it: the way of the snapshots the app takes in the background while it serves requests.
   */
  method?: 'copy' | 'vacuum';
}

/**
 * Takes a consistent copy of a live database into a hidden temp file in backups/ (a file copy after a WAL checkpoint,
 * or `VACUUM INTO` when the WAL cannot be emptied; both include every committed transaction), fsync, verify the copy (read-only open, quick_check, application_id,
 * readable history), rename it into place, fsync the folder, then write its manifest. Nothing is left behind on
 * failure, and nothing else in backups/ is touched.
 */
export function createSnapshot(request: CreateSnapshotRequest): SnapshotEntry {
  ensurePrivateDir(request.backupsDir);
  const createdAt = new Date();
  const schemaVersion = Number(request.db.pragma('user_version', { simple: true }));
  const name = snapshotName({ scope: request.scope.kind, createdAt, schemaVersion, reason: request.reason });
  const finalPath = join(request.backupsDir, name);
  const tempPath = join(request.backupsDir, `.tmp-${name}`);
  try {
    if (request.method === 'vacuum') vacuumInto(request.db, tempPath);
    else copyDatabase(request.db, tempPath);
    const verification = verifySnapshotFile(tempPath, { target: request.scope });
    if (!verification.ok) {
      throw new AppError('snapshot_verification_failed', `The new snapshot did not verify: ${verification.problem}.`);
    }
    commitTempFile(tempPath, finalPath);
    const manifest: SnapshotManifest = {
      name,
      scope: request.scope.kind,
      profileId: request.scope.kind === 'profile' ? request.scope.profileId : null,
      createdAt: toUtcTimestamp(createdAt),
      reason: request.reason,
      schemaVersion,
      latestMigration: verification.latestMigration,
      migratesTo: request.migratesTo ?? null,
      bytes: verification.bytes,
      sha256: verification.sha256,
      verified: true,
      verifiedAt: nowUtc(),
      appVersion: request.appVersion,
    };
    writeFileAtomic(manifestPathOf(finalPath), `${JSON.stringify(manifest, null, 2)}\n`);
    return { scope: request.scope.kind, createdAt: manifest.createdAt, schemaVersion, reason: request.reason, name, path: finalPath, manifest };
  } catch (error) {
    rmSync(tempPath, { force: true });
    throw toSnapshotError(error);
  }
}

/** A file copy of the quiesced database when possible (as fast as `cp`), else `VACUUM INTO` (reads through the WAL). */
function copyDatabase(db: Database, tempPath: string): void {
  if (copyQuiescentDatabase(db, tempPath)) {
    makeFilePrivate(tempPath);
    return;
  }
  vacuumInto(db, tempPath);
}

/** The target exists, empty and 0600, before SQLite writes it (VACUUM INTO accepts an empty file). */
function vacuumInto(db: Database, tempPath: string): void {
  closeSync(openSync(tempPath, 'wx', PRIVATE_FILE_MODE));
  makeFilePrivate(tempPath);
  db.prepare('VACUUM INTO ?').run(tempPath);
}

function toSnapshotError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const kind = classifySqliteFailure(error);
  const errno = (error as NodeJS.ErrnoException).code;
  if (kind === 'full' || errno === 'ENOSPC') {
    return new AppError(
      'snapshot_failed_disk_full',
      'The snapshot could not be written: the disk is full. The database is untouched; free some space and try again.',
      { cause: error },
    );
  }
  return new AppError('snapshot_failed', 'The snapshot could not be written. The database is untouched.', { cause: error });
}
