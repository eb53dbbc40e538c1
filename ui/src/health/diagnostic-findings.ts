import type { DbDiagnostics } from '../api/types/health';
import { t } from '../i18n';
import { formatDateTime } from '../util/format';

export interface Findings {
  ok: boolean;
  /** Plain sentences, one per problem (empty when all is well). */
  problems: string[];
  /** Plain sentences about the database that are not problems. */
  facts: string[];
}

/** A database's diagnostics in plain words (the meaning of each field is in the runbook). */
export function diagnosticFindings(report: DbDiagnostics): Findings {
  const problems: string[] = [];
  if (report.newerThanApp) problems.push(t('health.problem.newer'));
  if (!report.continuityOk) problems.push(t('health.problem.continuity', { detail: report.continuityError ?? '' }).trim());
  if (!report.checksumOk) problems.push(t('health.problem.checksum'));
  if (report.integrityCheck !== 'ok') problems.push(t('health.problem.integrity', { detail: report.integrityCheck }));
  if (report.foreignKeyViolations > 0) problems.push(t('health.problem.foreignKeys', { count: report.foreignKeyViolations }));
  if (report.missingArtifactFiles !== null && report.missingArtifactFiles > 0) {
    problems.push(t('health.problem.missingFiles', { count: report.missingArtifactFiles }));
  }
  if (report.journalMode.toLowerCase() !== 'wal') problems.push(t('health.problem.journal', { mode: report.journalMode }));

  const facts: string[] = [];
  if (report.appliedMigrationCount < report.expectedMigrationCount) {
    facts.push(t('health.fact.pending', { count: report.expectedMigrationCount - report.appliedMigrationCount }));
  }
  facts.push(t('health.fact.version', { version: report.schemaVersion }));
  if (report.snapshotCount !== null) {
    facts.push(
      report.newestSnapshotAt
        ? t('health.fact.snapshots', { count: report.snapshotCount, date: formatDateTime(report.newestSnapshotAt) })
        : t('health.fact.noSnapshot'),
    );
  }
  facts.push(report.lastRecoveryAt ? t('health.fact.lastRecovery', { date: formatDateTime(report.lastRecoveryAt) }) : t('health.fact.neverRecovered'));
  return { ok: problems.length === 0, problems, facts };
}
