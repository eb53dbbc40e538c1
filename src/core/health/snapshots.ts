import type { DataStore } from '../../platform/db/data-store.js';
import type { DataLayout } from '../../platform/db/layout.js';
import { listQuarantine, type QuarantineNote } from '../../platform/db/recovery/quarantine.js';
import {
  acknowledgeRecoveryEvent,
  listPendingNotices,
  listRecoveryEvents,
  type RecoveryEvent,
} from '../../platform/db/recovery/recovery-events.js';
import { GLOBAL_SCOPE, profileScope, type DbScope } from '../../platform/db/scope.js';
import { listSnapshots, type SnapshotEntry } from '../../platform/db/snapshots/snapshot-inventory.js';
import { verifySnapshotFile } from '../../platform/db/snapshots/verify-snapshot.js';
import { AppError } from '../../kernel/errors.js';
import { restoreSnapshot } from '../../platform/db/recovery/operator-actions.js';
import { jobRegistryFor } from '../../platform/jobs/job-registry.js';
import { assertProfileExists, findProfile } from '../workspace/index.js';
import { describeRecoveryEvent } from './recovery-notice.js';
import type { RecoveryEventView, SnapshotCheck, SnapshotSummary } from './types.js';

/** The scope a request names: the global database, or an existing profile's. */
export function scopeFor(store: DataStore, profileId?: string): DbScope {
  if (profileId === undefined) return GLOBAL_SCOPE;
  assertProfileExists(store, profileId);
  return profileScope(profileId);
}

/** A manual snapshot, verified and subject to retention. */
export function createManualSnapshot(store: DataStore, profileId?: string): SnapshotSummary {
  return summarize(store.snapshot(scopeFor(store, profileId), 'manual'));
}

export function listRecoveryEventsFor(store: DataStore, profileId?: string): RecoveryEventView[] {
  if (profileId !== undefined) scopeFor(store, profileId);
  return listRecoveryEvents(store.global(), profileId).map(withNotice);
}

export function withNotice(event: RecoveryEvent): RecoveryEventView {
  return { ...event, notice: describeRecoveryEvent(event) };
}

/**
 * The recoveries Lectern made on its own that the speaker has not dismissed, with the profile's name when it is still
 * listed: the app shows each at the top of its first page until dismissed.
 */
export function pendingRecoveryNotices(store: DataStore): Array<RecoveryEventView & { profileName: string | null }> {
  const db = store.global();
  return listPendingNotices(db).map((event) => ({
    ...withNotice(event),
    profileName: event.profileId ? (findProfile(db, event.profileId)?.name ?? null) : null,
  }));
}

/** The speaker read it: refused with recovery_notice_not_found when there is no such pending notice. */
export function dismissRecoveryNotice(store: DataStore, eventId: string): void {
  if (!acknowledgeRecoveryEvent(store.global(), eventId)) {
    throw new AppError('recovery_notice_not_found', 'There is no such notice waiting to be read (it may already be dismissed).');
  }
}

export interface InAppRestore {
  restored: SnapshotSummary;
  preRestore: SnapshotSummary | null;
  postRestore: SnapshotSummary | null;
  event: RecoveryEventView;
}

/**
 * An operator restore from the Data health page, in the process that holds the lock: the same restore as `lectern
 * restore` (verified for this database, the current state kept as a pre-restore snapshot, intent, swap, event,
 * post-restore snapshot). Refused while a job (a transcription) runs, since it works on the database being replaced.
 */
export function restoreSnapshotInApp(store: DataStore, snapshotName: string, profileId?: string): InAppRestore {
  const scope = scopeFor(store, profileId);
  if (jobRegistryFor(store).hasRunning()) {
    throw new AppError(
      'restore_blocked_job_running',
      'A transcription or import is still running; wait for it to finish (or cancel it), then restore. Nothing was changed.',
    );
  }
  const result = restoreSnapshot(store, scope, snapshotName);
  return {
    restored: summarize(result.restored),
    preRestore: result.preRestore ? summarize(result.preRestore) : null,
    postRestore: result.postRestore ? summarize(result.postRestore) : null,
    event: withNotice(result.event),
  };
}

/** Snapshots of a scope, newest first, from a folder listing (no lock, nothing written). */
export function listSnapshotSummaries(layout: DataLayout, scope: DbScope): SnapshotSummary[] {
  return listSnapshots(layout.backupsDir(scope)).map(summarize);
}

/** Checks every snapshot of a scope now (read-only opens): what a restore would accept. */
export function checkSnapshots(layout: DataLayout, scope: DbScope): SnapshotCheck[] {
  return listSnapshots(layout.backupsDir(scope)).map((entry) => {
    const result = verifySnapshotFile(entry.path, { manifest: entry.manifest ?? undefined, target: scope });
    return { ...summarize(entry), ok: result.ok, problem: result.problem };
  });
}

export function listQuarantined(layout: DataLayout, scope: DbScope): QuarantineNote[] {
  return listQuarantine(layout.corruptedDir(scope));
}

function summarize(entry: SnapshotEntry): SnapshotSummary {
  return {
    name: entry.name,
    scope: entry.scope,
    createdAt: entry.createdAt,
    reason: entry.reason,
    schemaVersion: entry.schemaVersion,
    bytes: entry.manifest?.bytes ?? null,
    verified: entry.manifest?.verified ?? null,
  };
}
