import { homedir, platform, release } from 'node:os';
import type { DataLayout } from '../../platform/db/layout.js';
import { readLogTail } from '../../platform/logs/log-tail.js';
import { sqliteVersion } from '../../platform/db/sqlite-version.js';
import { GLOBAL_SCOPE, profileScope, type DbScope } from '../../platform/db/scope.js';
import { writeZip } from '../../platform/zip/zip-writer.js';
import { describeRecoveryEvent } from './recovery-notice.js';
import { diagnoseAllReadOnly, profileIdsReadOnly, readRecoveryEventsReadOnly } from './read-only-diagnostics.js';
import { listSnapshotSummaries } from './snapshots.js';
import { toErrorPayload } from '../../kernel/errors.js';

/** How many of the newest log lines a bundle carries. */
export const BUNDLE_LOG_LINES = 300;

/**
 * A zip an operator can send to whoever helps them: metadata-only diagnostics of every database, versions, recovery
 * events, the snapshot inventory (names, times, sizes) and the newest log lines with paths and ids redacted. Never a
 * database file, a recording, a transcript, a note or an outline: it is built only from read-only metadata, so
 * nothing of the speaker's content can be in it. Nothing in the data folder is written.
 */
export function buildSupportBundle(layout: DataLayout, appVersion: string): Buffer {
  const scopes: DbScope[] = [GLOBAL_SCOPE, ...safeProfileIds(layout).map(profileScope)];
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  const profileLabel = (scope: DbScope, index: number) => (scope.kind === 'global' ? 'global' : `profile-${index}`);
  // (index 0 is the global database, so profile-1 is the first profile, as in diagnostics.json)
  const entries = [
    { name: 'README.txt', data: Buffer.from(README, 'utf8') },
    { name: 'versions.json', data: json(versions(appVersion)) },
    { name: 'diagnostics.json', data: json(safeDiagnostics(layout)) },
    {
      name: 'recovery-events.json',
      data: json(scopes.map((scope, i) => ({ database: profileLabel(scope, i), events: readRecoveryEventsReadOnly(layout, scope).map(redactEvent) }))),
    },
    {
      name: 'snapshots.json',
      data: json(scopes.map((scope, i) => ({ database: profileLabel(scope, i), snapshots: listSnapshotSummaries(layout, scope) }))),
    },
    { name: 'log-tail.txt', data: Buffer.from(redactLogLines(newestLogLines(layout), layout.root), 'utf8') },
  ];
  return writeZip(entries.map((entry) => ({ ...entry, compress: true })));
}

const README = `Lectern support bundle

Metadata only: database health reports, versions, recovery events, the list of snapshots (names, times, sizes) and the
newest log lines with paths and ids replaced. It holds no database, recording, transcript, note or outline.
`;

function versions(appVersion: string) {
  return { app: appVersion, node: process.version, sqlite: sqliteVersion(), os: `${platform()} ${release()}` };
}

/** Profiles are numbered (profile-1, ...) in the bundle: their ids are not needed to help, so they stay home. */
function safeDiagnostics(layout: DataLayout): unknown {
  try {
    const report = diagnoseAllReadOnly(layout);
    return {
      global: report.global,
      profiles: report.profiles.map((entry, index) => ({ database: `profile-${index + 1}`, report: entry.report, error: entry.error })),
    };
  } catch (error) {
    return { error: toErrorPayload(error) };
  }
}

function safeProfileIds(layout: DataLayout): string[] {
  try {
    return profileIdsReadOnly(layout);
  } catch {
    return [];
  }
}

/** Events keep their facts and plain notice; profile ids are dropped (the bundle numbers the databases instead). */
function redactEvent(event: Parameters<typeof describeRecoveryEvent>[0]) {
  const { profileId: _profileId, id: _id, ...facts } = event;
  return { ...facts, notice: describeRecoveryEvent(event) };
}

/** The newest lines of the log and, when it was just rotated, of the previous file: read from their ends, bounded. */
function newestLogLines(layout: DataLayout): string[] {
  return readLogTail([layout.logFile(0), layout.logFile(1)], BUNDLE_LOG_LINES);
}

/**
 * Absolute paths, the home folder, the data folder and every Lectern id are replaced before a line leaves. Route
 * patterns (`/api/invoke/:command`) and Lectern's own code locations (`src/platform/fs/x.ts:13:3`) are kept: they
 * are what a helper needs, and they hold nothing of the user's.
 */
export function redactLogLines(lines: readonly string[], dataDir: string): string {
  return lines
    .map((line) =>
      line
        .split(dataDir)
        .join('<data-dir>')
        .split(homedir())
        .join('<home>')
        .replace(/(?:[A-Za-z]:)?(?:[\\/][\w .-]+){2,}/g, (path, offset: number, whole: string) => (isRouteOrCodeLocation(path, whole.slice(0, offset)) ? path : '<path>'))
        .replace(/\b[a-z]+_[0-9a-f]{32}\b/g, '<id>'),
    )
    .join('\n')
    .concat(lines.length > 0 ? '\n' : '');
}

function isRouteOrCodeLocation(path: string, before: string): boolean {
  if (/^\/api\/[a-z/-]+$/.test(path) && !/[\w.-]$/.test(before)) return true;
  return /(?:^|[^\w./-])(?:src|dist)$/.test(before) && /^\/(?:app|commands|contracts|core|kernel|platform)\/[\w./-]+\.(?:ts|mts|js|mjs)$/.test(path);
}
