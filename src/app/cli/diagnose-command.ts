import {
  diagnoseAllReadOnly,
  diagnoseDataDirReadOnly,
  isHealthy,
  type AllDiagnosticsReport,
  type DbDiagnostics,
  type DiagnosticsReport,
} from '../../core/health/index.js';
import { describeRecoveryEvent, isCleanReport, readRecoveryEventsReadOnly } from '../../core/health/index.js';
import { DataLayout } from '../../platform/db/layout.js';
import { GLOBAL_SCOPE, profileScope } from '../../platform/db/scope.js';
import { EXIT } from './exit-codes.js';
import { printJson, reportFailure } from './output.js';

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
    return reportFailure(error, options.json, EXIT.problemFound);
  }
  if (options.json) printJson(report);
  else process.stdout.write(describeReport(report, options.profile ?? null, (profileId) => latestNotice(layout, profileId)));
  return isHealthy(report) ? EXIT.ok : EXIT.problemFound;
}

/** The plain-language sentence of the newest recovery event of a database, if it ever needed one. */
function latestNotice(layout: DataLayout, profileId: string | null): string | null {
  const [event] = readRecoveryEventsReadOnly(layout, profileId ? profileScope(profileId) : GLOBAL_SCOPE);
  return event ? describeRecoveryEvent(event) : null;
}

function describeReport(
  report: DiagnosticsReport | AllDiagnosticsReport,
  selectedProfileId: string | null,
  noticeOf: (profileId: string | null) => string | null,
): string {
  const withNotice = (line: string, profileId: string | null) => {
    const notice = noticeOf(profileId);
    return notice ? `${line}\n  Last recovery: ${notice}` : line;
  };
  const lines = [withNotice(describeDatabase('Global database', report.global), null)];
  if ('profiles' in report) {
    if (report.profiles.length === 0) lines.push('No profiles yet.');
    for (const entry of report.profiles) {
      lines.push(
        withNotice(
          entry.report
            ? describeDatabase(`Profile ${entry.profileId}`, entry.report)
            : `Profile ${entry.profileId}: PROBLEM (${entry.error?.code}): ${entry.error?.message}`,
          entry.profileId,
        ),
      );
    }
  } else if (report.profile) {
    lines.push(withNotice(describeDatabase('Profile database', report.profile), selectedProfileId));
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
  if ((d.missingArtifactFiles ?? 0) > 0) lines.push(`  ${d.missingArtifactFiles} stored file(s) are missing from the profile folder.`);
  if (!d.fileHeaderOk) {
    lines.push('  Its file header lost Lectern’s identity and version (a rebuild with sqlite3 .dump?): see the runbook, "Salvage".');
  }
  if ((d.unlistedProfileFolders ?? 0) > 0) {
    lines.push(
      `  ${d.unlistedProfileFolders} profile folder(s) are not listed in the global database: ` +
        "`lectern invoke profile_adopt_unlisted '{}'` brings them back.",
    );
  }
  if (d.strayTempFiles > 0) lines.push(`  ${d.strayTempFiles} temp file(s) from an interrupted operation; the next start removes them.`);
  return lines.join('\n');
}
