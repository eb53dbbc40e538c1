import type { DataStore } from '../../platform/db/data-store.js';
import type { DataLayout } from '../../platform/db/layout.js';
import { listQuarantine, type QuarantineNote } from '../../platform/db/recovery/quarantine.js';
import { listRecoveryEvents, type RecoveryEvent } from '../../platform/db/recovery/recovery-events.js';
import { GLOBAL_SCOPE, profileScope, type DbScope } from '../../platform/db/scope.js';
import { listSnapshots, type SnapshotEntry } from '../../platform/db/snapshots/snapshot-inventory.js';
import { verifySnapshotFile } from '../../platform/db/snapshots/verify-snapshot.js';
import { assertProfileExists } from '../workspace/index.js';
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
