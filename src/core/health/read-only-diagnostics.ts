import { toErrorPayload } from '../../kernel/errors.js';
import { AppError } from '../../kernel/errors.js';
import type { DataStore } from '../../platform/db/data-store.js';
import { countRowsWithoutFile } from '../../platform/db/artifact-rows.js';
import { diagnoseDatabase, isCleanReport, type DbDiagnostics, type DiagnosticsExtras } from '../../platform/db/diagnostics.js';
import { assertValidProfileId, type DataLayout } from '../../platform/db/layout.js';
import { migrationStepsFor } from '../../platform/db/migration-steps.js';
import { readMigrationState } from '../../platform/db/migration-state.js';
import { openReadOnly } from '../../platform/db/read-only-connection.js';
import { listRecoveryEvents, type RecoveryEvent } from '../../platform/db/recovery/recovery-events.js';
import { GLOBAL_SCOPE, profileScope, type DbScope } from '../../platform/db/scope.js';
import { listSnapshots } from '../../platform/db/snapshots/snapshot-inventory.js';
import { listStrayTempFiles } from '../../platform/db/stray-temp-files.js';
import { assertProfileExists, listProfileIds } from '../workspace/index.js';
import type { AllDiagnosticsReport, AppDiagnosticsReport, DiagnosticsReport, ProfileDiagnosticsEntry } from './types.js';

/**
 * Health reports that change no file: no lock, no migration, no recovery, no file created (read-only connections on a
 * database a running Lectern may own). `lectern diagnose`, the profile_db_diagnostics command behind the Data health
 * page and the support bundle all read them here, so they cannot disagree.
 */
export function diagnoseDataDirReadOnly(layout: DataLayout, profileId?: string): DiagnosticsReport {
  if (profileId !== undefined) {
    assertValidProfileId(profileId);
    assertProfileListed(layout, profileId);
  }
  return {
    global: diagnoseGlobal(layout),
    profile: profileId === undefined ? null : diagnoseProfile(layout, profileId),
  };
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

/**
 * profile_db_diagnostics, in the process that owns the data folder: the global database is opened the normal way
 * (a new data folder is created and migrated, as at every start), then every report is read-only, so asking for a
 * damaged profile's health never repairs, quarantines or migrates it behind the asker's back. A profile database that
 * cannot be read at all comes back as `profileProblem`.
 */
export function diagnoseForApp(store: DataStore, profileId?: string): AppDiagnosticsReport {
  store.global();
  if (profileId !== undefined) assertProfileExists(store, profileId);
  const global = diagnoseGlobal(store.layout);
  if (profileId === undefined) return { global, profile: null, profileProblem: null };
  try {
    return { global, profile: diagnoseProfile(store.layout, profileId), profileProblem: null };
  } catch (error) {
    return { global, profile: null, profileProblem: toErrorPayload(error) };
  }
}

/** True when every report is clean and every listed profile could be read. */
export function isHealthy(report: DiagnosticsReport | AllDiagnosticsReport): boolean {
  const profileReports: Array<DbDiagnostics | null> =
    'profiles' in report ? report.profiles.map((entry) => entry.report) : report.profile ? [report.profile] : [];
  return isCleanReport(report.global) && profileReports.every((entry) => entry !== null && isCleanReport(entry));
}

function diagnoseGlobal(layout: DataLayout): DbDiagnostics {
  return diagnoseDatabase(layout, GLOBAL_SCOPE, migrationStepsFor(GLOBAL_SCOPE), readExtras(layout, GLOBAL_SCOPE));
}

function diagnoseProfile(layout: DataLayout, profileId: string): DbDiagnostics {
  const scope = profileScope(profileId);
  return diagnoseDatabase(layout, scope, migrationStepsFor(scope), readExtras(layout, scope));
}

/** Facts from outside the database file, read without writing: folder listings and read-only queries. */
function readExtras(layout: DataLayout, scope: DbScope): DiagnosticsExtras {
  const snapshots = listSnapshots(layout.backupsDir(scope));
  return {
    snapshotCount: snapshots.length,
    newestSnapshotAt: snapshots[0]?.createdAt ?? null,
    lastRecoveryAt: readRecoveryEventsReadOnly(layout, scope)[0]?.detectedAt ?? null,
    missingArtifactFiles: scope.kind === 'profile' ? countMissingArtifactFiles(layout, scope.profileId) : null,
    unlistedProfileFolders: scope.kind === 'global' ? unlistedProfileIds(layout).length : null,
    strayTempFiles: listStrayTempFiles(layout, scope).length,
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

/** Profile ids listed in the global database, read-only; none while it has no schema yet (a first run cut short). */
export function profileIdsReadOnly(layout: DataLayout): string[] {
  const db = openReadOnly(layout.globalDb, 'The global database');
  try {
    if (readMigrationState(db, migrationStepsFor(GLOBAL_SCOPE)).isEmpty) return [];
    return listProfileIds(db);
  } finally {
    db.close();
  }
}

/** Profile folders on disk that the global database does not list (after a global reset or restore, say). */
export function unlistedProfileIds(layout: DataLayout): string[] {
  let listed: Set<string>;
  try {
    listed = new Set(profileIdsReadOnly(layout));
  } catch {
    return [];
  }
  return layout.profileIdsOnDisk().filter((profileId) => !listed.has(profileId));
}

function assertProfileListed(layout: DataLayout, profileId: string): void {
  if (!profileIdsReadOnly(layout).includes(profileId)) {
    throw new AppError('profile_not_found', 'No profile with this id exists.');
  }
}
