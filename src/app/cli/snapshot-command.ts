import { checkSnapshots, createManualSnapshot, listSnapshotSummaries, type SnapshotSummary } from '../../core/health/index.js';
import { listProfileIds } from '../../core/workspace/index.js';
import { DataLayout } from '../../platform/db/layout.js';
import { GLOBAL_SCOPE, profileScope, type DbScope } from '../../platform/db/scope.js';
import { EXIT } from './exit-codes.js';
import { withOwnedStore } from './open-store.js';
import { printJson, reportFailure } from './output.js';
import { Progress } from './progress.js';
import { describeScope, selectedScopes, type ScopeOptions } from './scope-options.js';

export interface SnapshotCliOptions extends ScopeOptions {
  json?: boolean;
}

interface ScopeReport<T> {
  scope: 'global' | 'profile';
  profileId: string | null;
  items: T[];
}

function reportOf<T>(scope: DbScope, items: T[]): ScopeReport<T> {
  return { scope: scope.kind, profileId: scope.kind === 'profile' ? scope.profileId : null, items };
}

/** `lectern snapshot create`: takes the lock, then a verified manual snapshot of each selected database. */
export function runSnapshotCreate(dataDir: string, options: SnapshotCliOptions): number {
  return withOwnedStore(dataDir, options.json, EXIT.problemFound, (store) => {
    const scopes: DbScope[] = options.global
      ? [GLOBAL_SCOPE]
      : options.profile !== undefined
        ? [profileScope(options.profile)]
        : [GLOBAL_SCOPE, ...listProfileIds(store.global()).map(profileScope)];
    const progress = new Progress(scopes.length, options.json === true);
    const reports = scopes.map((scope, index) => {
      progress.step(index, `${describeScope(scope)}: snapshot`);
      return reportOf(scope, [createManualSnapshot(store, scope.kind === 'profile' ? scope.profileId : undefined)]);
    });
    progress.done();
    if (options.json) printJson({ databases: reports });
    else for (const report of reports) process.stdout.write(`${titleOf(report)}: created ${describeSnapshot(report.items[0]!)}\n`);
    return EXIT.ok;
  });
}

/** `lectern snapshot list`: read-only; names, times, reasons, sizes. */
export function runSnapshotList(dataDir: string, options: SnapshotCliOptions): number {
  const layout = new DataLayout(dataDir);
  try {
    const reports = selectedScopes(layout, options).map((scope) => reportOf(scope, listSnapshotSummaries(layout, scope)));
    if (options.json) printJson({ databases: reports });
    else {
      for (const report of reports) {
        process.stdout.write(`${titleOf(report)}: ${report.items.length} snapshot(s)\n`);
        for (const item of report.items) process.stdout.write(`  ${describeSnapshot(item)}\n`);
      }
    }
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error, options.json, EXIT.problemFound);
  }
}

/** `lectern snapshot verify`: read-only; checks every snapshot now; exit 3 when one fails. */
export function runSnapshotVerify(dataDir: string, options: SnapshotCliOptions): number {
  const layout = new DataLayout(dataDir);
  try {
    const scopes = selectedScopes(layout, options);
    const progress = new Progress(scopes.length, options.json === true);
    const reports = scopes.map((scope, index) => {
      progress.step(index, `${describeScope(scope)}: verifying`);
      return reportOf(scope, checkSnapshots(layout, scope));
    });
    progress.done();
    const failed = reports.flatMap((report) => report.items).filter((item) => !item.ok);
    if (options.json) printJson({ databases: reports });
    else {
      for (const report of reports) {
        process.stdout.write(`${titleOf(report)}:\n`);
        if (report.items.length === 0) process.stdout.write('  no snapshots\n');
        for (const item of report.items) {
          process.stdout.write(`  ${item.ok ? 'OK     ' : 'FAILED '} ${describeSnapshot(item)}${item.problem ? `: ${item.problem}` : ''}\n`);
        }
      }
    }
    return failed.length === 0 ? EXIT.ok : EXIT.problemFound;
  } catch (error) {
    return reportFailure(error, options.json, EXIT.problemFound);
  }
}

function titleOf(report: ScopeReport<unknown>): string {
  return report.profileId ? `Profile ${report.profileId}` : 'Global database';
}

export function describeSnapshot(item: SnapshotSummary): string {
  const size = item.bytes === null ? 'size unknown' : `${(item.bytes / 1024).toFixed(0)} KiB`;
  return `${item.name} (${item.reason}, ${item.createdAt}, schema v${item.schemaVersion}, ${size})`;
}
