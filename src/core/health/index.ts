import { toErrorPayload } from '../../kernel/errors.js';
import type { DataStore } from '../../platform/db/data-store.js';
import { diagnoseDatabase, isCleanReport, type DbDiagnostics, type DiagnosticsExtras } from '../../platform/db/diagnostics.js';
import { countRowsWithoutFile } from '../../platform/db/artifact-rows.js';
import { listRecoveryEvents, type RecoveryEvent } from '../../platform/db/recovery/recovery-events.js';
import { listSnapshots } from '../../platform/db/snapshots/snapshot-inventory.js';
import { assertValidProfileId, type DataLayout } from '../../platform/db/layout.js';
import { migrationStepsFor } from '../../platform/db/migration-steps.js';
import { openReadOnly } from '../../platform/db/read-only-connection.js';
import { GLOBAL_SCOPE, profileScope, type DbScope } from '../../platform/db/scope.js';
import { assertProfileExists } from '../workspace/index.js';
import * as workspaceRepo from '../workspace/repo.js';
import { AppError } from '../../kernel/errors.js';
import type { AllDiagnosticsReport, DiagnosticsReport, ProfileDiagnosticsEntry } from './types.js';

export type * from './types.js';
export { isCleanReport };

/**
 * Diagnostics for the owning process: the databases are opened the normal way first (so a new data dir is created
 * and migrated), then measured on separate read-only connections.
 */
export function diagnoseOwnedDatabases(store: DataStore, profileId?: string): DiagnosticsReport {
  store.global();
  if (profileId !== undefined) {
    assertProfileExists(store, profileId);
    store.profile(profileId);
  }
  return readReport(store.layout, profileId);
}

/**
 * Diagnostics without owning anything: no lock, no migration, no file created. Used by `lectern diagnose`, which must
 * be safe while the app runs and on a damaged data dir.
 */
export function diagnoseDataDirReadOnly(layout: DataLayout, profileId?: string): DiagnosticsReport {
  if (profileId !== undefined) {
    assertValidProfileId(profileId);
    assertProfileListed(layout, profileId);
  }
  return readReport(layout, profileId);
}

export function diagnoseAllReadOnly(layout: DataLayout): AllDiagnosticsReport {
  const global = diagnoseGlobal(layout);
  const profiles = profileIdsReadOnly(layout).map((profileId): ProfileDiagnosticsEntry => {
    try {
      return { profileId, report: diagnoseProfile(layout, profileId), error: null };
    } catch (error) {
      return { profileId, report: null, error: toErrorPayload(error) };
    }
  });
  return { global, profiles };
}

/** True when every report is clean and every listed profile could be read. */
export function isHealthy(report: DiagnosticsReport | AllDiagnosticsReport): boolean {
  const profileReports: Array<DbDiagnostics | null> =
    'profiles' in report ? report.profiles.map((entry) => entry.report) : report.profile ? [report.profile] : [];
  return isCleanReport(report.global) && profileReports.every((entry) => entry !== null && isCleanReport(entry));
}

function readReport(layout: DataLayout, profileId?: string): DiagnosticsReport {
  return {
    global: diagnoseGlobal(layout),
    profile: profileId === undefined ? null : diagnoseProfile(layout, profileId),
  };
}

function diagnoseGlobal(layout: DataLayout): DbDiagnostics {
  return diagnoseDatabase(layout.globalDb, 'global', migrationStepsFor(GLOBAL_SCOPE), readExtras(layout, GLOBAL_SCOPE));
}

function diagnoseProfile(layout: DataLayout, profileId: string): DbDiagnostics {
  const scope = profileScope(profileId);
  return diagnoseDatabase(layout.profileDb(profileId), 'profile', migrationStepsFor(scope), readExtras(layout, scope));
}

/** Snapshot and recovery facts, read without writing: a folder listing and a read-only query of the global database. */
function readExtras(layout: DataLayout, scope: DbScope): DiagnosticsExtras {
  const snapshots = listSnapshots(layout.backupsDir(scope));
  return {
    snapshotCount: snapshots.length,
    newestSnapshotAt: snapshots[0]?.createdAt ?? null,
    lastRecoveryAt: readRecoveryEventsReadOnly(layout, scope)[0]?.detectedAt ?? null,
    missingArtifactFiles: scope.kind === 'profile' ? countMissingArtifactFiles(layout, scope.profileId) : null,
  };
}

/** Null when the profile database cannot be read: the report's own fields then say why. */
function countMissingArtifactFiles(layout: DataLayout, profileId: string): number | null {
  let db;
  try {
    db = openReadOnly(layout.profileDb(profileId), 'The profile database');
    return countRowsWithoutFile(db, layout.profileDir(profileId));
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/** Recovery events of one scope, newest first; empty when the global database cannot be read. */
export function readRecoveryEventsReadOnly(layout: DataLayout, scope: DbScope): RecoveryEvent[] {
  let db;
  try {
    db = openReadOnly(layout.globalDb, 'The global database');
    return listRecoveryEvents(db, scope.kind === 'profile' ? scope.profileId : undefined);
  } catch {
    return [];
  } finally {
    db?.close();
  }
}

/** Profile ids listed in the global database, read-only. */
export function profileIdsReadOnly(layout: DataLayout): string[] {
  const db = openReadOnly(layout.globalDb, 'The global database');
  try {
    return workspaceRepo.listProfileIds(db);
  } finally {
    db.close();
  }
}

function assertProfileListed(layout: DataLayout, profileId: string): void {
  const db = openReadOnly(layout.globalDb, 'The global database');
  try {
    if (!workspaceRepo.profileExists(db, profileId)) {
      throw new AppError('profile_not_found', 'No profile with this id exists.');
    }
  } finally {
    db.close();
  }
}

export { checkSnapshots, createManualSnapshot, listQuarantined, listRecoveryEventsFor, listSnapshotSummaries, scopeFor, withNotice } from './snapshots.js';
export { describeRecoveryEvent } from './recovery-notice.js';

export { buildSupportBundle } from './support-bundle.js';
