import type { ErrorPayload } from '../../kernel/errors.js';
import type { RecoveryOutcome, SnapshotReason } from '../../contracts/snapshots.js';
import type { DbDiagnostics } from '../../platform/db/diagnostics.js';

export type { DbDiagnostics } from '../../platform/db/diagnostics.js';

/** The answer of profile_db_diagnostics and of `lectern diagnose [--profile ID]`. */
export interface DiagnosticsReport {
  global: DbDiagnostics;
  profile: DbDiagnostics | null;
}

/** The answer of profile_db_diagnostics: a profile database that cannot be read at all comes back as a problem. */
export interface AppDiagnosticsReport extends DiagnosticsReport {
  profileProblem: ErrorPayload | null;
}

/** One profile's entry in `lectern diagnose --all`: its report, or why there is none. */
export interface ProfileDiagnosticsEntry {
  profileId: string;
  report: DbDiagnostics | null;
  error: ErrorPayload | null;
}

export interface AllDiagnosticsReport {
  global: DbDiagnostics;
  profiles: ProfileDiagnosticsEntry[];
}

/** A snapshot as clients see it: metadata only, never its path or content. */
export interface SnapshotSummary {
  name: string;
  scope: 'global' | 'profile';
  createdAt: string;
  reason: SnapshotReason;
  schemaVersion: number;
  bytes: number | null;
  /** What the manifest recorded at creation; null when there is no manifest. */
  verified: boolean | null;
}

/** The result of checking one snapshot now. */
export interface SnapshotCheck extends SnapshotSummary {
  ok: boolean;
  problem: string | null;
}

/** A recovery event with the sentence that explains it to a speaker. */
export interface RecoveryEventView {
  id: string;
  scope: 'global' | 'profile';
  profileId: string | null;
  reason: string;
  outcome: RecoveryOutcome;
  detectedAt: string;
  snapshotName: string | null;
  snapshotCreatedAt: string | null;
  quarantineName: string | null;
  dataWarning: 'snapshot_lacks_user_data' | null;
  acknowledgedAt: string | null;
  notice: string;
}
