import type { ErrorPayload } from '../../kernel/errors.js';
import type { DbDiagnostics } from '../../platform/db/diagnostics.js';

export type { DbDiagnostics } from '../../platform/db/diagnostics.js';

/** The answer of profile_db_diagnostics and of `lectern diagnose [--profile ID]`. */
export interface DiagnosticsReport {
  global: DbDiagnostics;
  profile: DbDiagnostics | null;
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
