/**
 * The one rule that decides whether a database is healthy, for every client: `lectern diagnose` (its exit code and
 * sentences), the profile_db_diagnostics command and the Data health page all call `findingsOf`. A report with no
 * finding is clean. Pending migrations, stray temp files and the journal mode are facts, not problems.
 */
export const DIAGNOSTIC_FINDINGS = [
  'continuity_broken',
  'checksum_mismatch',
  'newer_than_app',
  'integrity_failed',
  'foreign_key_violations',
  'missing_artifact_files',
  'file_header_mismatch',
  'unlisted_profile_folders',
] as const;

export type DiagnosticFinding = (typeof DIAGNOSTIC_FINDINGS)[number];

/** The facts of a report that findings are read from (a DbDiagnostics has them all). */
export interface DiagnosticFacts {
  continuityOk: boolean;
  checksumOk: boolean;
  newerThanApp: boolean;
  integrityCheck: string;
  foreignKeyViolations: number;
  missingArtifactFiles: number | null;
  fileHeaderOk: boolean;
  unlistedProfileFolders: number | null;
}

const RULES: Record<DiagnosticFinding, (facts: DiagnosticFacts) => boolean> = {
  continuity_broken: (f) => !f.continuityOk,
  checksum_mismatch: (f) => !f.checksumOk,
  newer_than_app: (f) => f.newerThanApp,
  integrity_failed: (f) => f.integrityCheck !== 'ok',
  foreign_key_violations: (f) => f.foreignKeyViolations > 0,
  missing_artifact_files: (f) => (f.missingArtifactFiles ?? 0) > 0,
  file_header_mismatch: (f) => !f.fileHeaderOk,
  unlisted_profile_folders: (f) => (f.unlistedProfileFolders ?? 0) > 0,
};

/** What in a report needs an operator, in a fixed order; empty when the database is healthy. */
export function findingsOf(facts: DiagnosticFacts): DiagnosticFinding[] {
  return DIAGNOSTIC_FINDINGS.filter((finding) => RULES[finding](facts));
}
