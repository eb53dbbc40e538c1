import {
  diagnoseAllReadOnly,
  diagnoseDataDirReadOnly,
  isHealthy,
  type AllDiagnosticsReport,
  type DbDiagnostics,
  type DiagnosticsReport,
} from '../../core/health/index.js';
import { isCleanReport } from '../../core/health/index.js';
import { toErrorPayload } from '../../kernel/errors.js';
import { DataLayout } from '../../platform/db/layout.js';
import { EXIT } from './exit-codes.js';
import { printError, printJson } from './output.js';

export interface DiagnoseOptions {
  profile?: string;
  all?: boolean;
  json?: boolean;
}

/** `lectern diagnose`: read-only health reports; exit 0 when all are clean, 3 when any shows a problem. */
export function runDiagnose(dataDir: string, options: DiagnoseOptions): number {
  const layout = new DataLayout(dataDir);
  let report: DiagnosticsReport | AllDiagnosticsReport;
  try {
    report = options.all ? diagnoseAllReadOnly(layout) : diagnoseDataDirReadOnly(layout, options.profile);
  } catch (error) {
    if (options.json) printError(error);
    else process.stderr.write(`${describeError(error)}\n`);
    return EXIT.problemFound;
  }
  if (options.json) printJson(report);
  else process.stdout.write(describeReport(report));
  return isHealthy(report) ? EXIT.ok : EXIT.problemFound;
}

function describeError(error: unknown): string {
  const { code, message } = toErrorPayload(error);
  return `Problem (${code}): ${message}`;
}

function describeReport(report: DiagnosticsReport | AllDiagnosticsReport): string {
  const lines = [describeDatabase('Global database', report.global)];
  if ('profiles' in report) {
    if (report.profiles.length === 0) lines.push('No profiles yet.');
    for (const entry of report.profiles) {
      lines.push(
        entry.report
          ? describeDatabase(`Profile ${entry.profileId}`, entry.report)
          : `Profile ${entry.profileId}: PROBLEM (${entry.error?.code}): ${entry.error?.message}`,
      );
    }
  } else if (report.profile) {
    lines.push(describeDatabase('Profile database', report.profile));
  }
  return `${lines.join('\n')}\n`;
}

/** One plain sentence per database, then what is wrong, if anything. */
export function describeDatabase(title: string, d: DbDiagnostics): string {
  const status = isCleanReport(d) ? 'OK' : 'PROBLEM';
  const pending = d.expectedMigrationCount - d.appliedMigrationCount;
  const lines = [
    `${title}: ${status}. Schema version ${d.schemaVersion} (${d.latestMigration ?? 'no migrations'}), ` +
      `${d.appliedMigrationCount} of ${d.expectedMigrationCount} migrations applied, ` +
      `${d.pageCount} pages (${d.freelistCount} free), journal ${d.journalMode}.`,
  ];
  if (pending > 0 && d.continuityOk && !d.newerThanApp) {
    lines.push(`  ${pending} migration(s) will run the next time Lectern opens it.`);
  }
  if (!d.continuityOk) lines.push(`  Migration history does not match this app: ${d.continuityError}.`);
  if (!d.checksumOk) lines.push('  Migration history was edited: an applied step differs from the one this app ships.');
  if (d.newerThanApp) lines.push('  It was written by a newer Lectern: update the app before opening it.');
  if (d.integrityCheck !== 'ok') lines.push(`  Integrity check failed: ${d.integrityCheck}`);
  if (d.foreignKeyViolations > 0) lines.push(`  ${d.foreignKeyViolations} row(s) point at missing parents.`);
  return lines.join('\n');
}
