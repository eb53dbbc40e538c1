import { findingsOf, type DiagnosticFinding } from '../../../src/contracts/diagnostics-findings.js';
import type { DbDiagnostics } from '../api/types/health';
import { t, tn } from '../i18n';
import { formatDateTime } from '../util/format';

export interface Findings {
  /** One per finding of `findingsOf`, the rule `lectern diagnose` uses too; empty when the database is healthy. */
  problems: Array<{ finding: DiagnosticFinding; text: string }>;
  /** Plain sentences about the database that are not problems. */
  facts: string[];
}

/** Each finding in words, with what to do; a new finding in the shared rule fails the type check until it has words. */
const WORDS: Record<DiagnosticFinding, (report: DbDiagnostics) => string> = {
  continuity_broken: () => t('health.finding.continuity_broken'),
  checksum_mismatch: () => t('health.finding.checksum_mismatch'),
  newer_than_app: () => t('health.finding.newer_than_app'),
  integrity_failed: () => t('health.finding.integrity_failed'),
  foreign_key_violations: (report) => tn('health.finding.foreign_key_violations', report.foreignKeyViolations),
  missing_artifact_files: (report) => tn('health.finding.missing_artifact_files', report.missingArtifactFiles ?? 0),
  file_header_mismatch: () => t('health.finding.file_header_mismatch'),
  unlisted_profile_folders: (report) => tn('health.finding.unlisted_profile_folders', report.unlistedProfileFolders ?? 0),
};

/** A database's diagnostics in plain words (the meaning of each field is in the runbook). */
export function diagnosticFindings(report: DbDiagnostics): Findings {
  const problems = findingsOf(report).map((finding) => ({ finding, text: WORDS[finding](report) }));
  const facts: string[] = [];
  if (report.appliedMigrationCount < report.expectedMigrationCount) {
    facts.push(tn('health.fact.pending', report.expectedMigrationCount - report.appliedMigrationCount));
  }
  // The version lives in the file header: when the header lost Lectern's marks, it says 0 and means nothing.
  if (report.fileHeaderOk) facts.push(t('health.fact.version', { version: report.schemaVersion }));
  if (report.strayTempFiles > 0) facts.push(tn('health.fact.strayTempFiles', report.strayTempFiles));
  facts.push(report.lastRecoveryAt ? t('health.fact.lastRecovery', { date: formatDateTime(report.lastRecoveryAt) }) : t('health.fact.neverRecovered'));
  return { problems, facts };
}
