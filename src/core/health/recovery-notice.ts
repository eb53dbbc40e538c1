import type { RecoveryEvent } from '../../platform/db/recovery/recovery-events.js';

const REASON_WORDS: Record<string, string> = {
  not_a_database: 'the file was no longer a database',
  corrupt: 'SQLite reported it damaged',
  quick_check_failed: 'its integrity quick check failed',
  integrity_check_failed: 'its integrity check failed after an unclean shutdown',
  database_missing: 'its file was missing',
  database_truncated: 'its file was empty',
  foreign_wal: 'a journal file from another database was found beside it',
  wal_deleted_while_open: 'its journal file was deleted while Lectern was running',
};

/** How times read in a notice; the CLI passes the machine's local time, the default is the stored UTC time. */
export interface NoticeOptions {
  formatTime?: (utc: string) => string;
}

/** One plain sentence (or a few) that tells a speaker what happened to their data and what was lost. */
export function describeRecoveryEvent(event: RecoveryEvent, options: NoticeOptions = {}): string {
  const time = options.formatTime ?? ((utc: string) => utc);
  const what = event.scope === 'global' ? 'The global database' : 'This profile’s database';
  const why = REASON_WORDS[event.reason] ?? 'it was damaged';
  const kept = event.quarantineName ? ` The damaged file is kept as ${event.quarantineName}.` : '';
  switch (event.outcome) {
    case 'journal_set_aside':
      return (
        `${what} was found on ${time(event.detectedAt)} with a journal file beside it that belongs to another database ` +
        `(a copy of only some of its files, perhaps). The journal was set aside${event.quarantineName ? ` (kept with a copy of the database as ${event.quarantineName})` : ''}; ` +
        'the database itself was intact, so nothing was lost.'
      );
    case 'journal_saved':
      return (
        `The journal file of ${what.charAt(0).toLowerCase()}${what.slice(1)} was deleted by another program while Lectern was running (found on ${time(event.detectedAt)}). ` +
        'Lectern saved everything it held into the database at once and started a new journal, so nothing was lost.'
      );
    case 'restored':
      return (
        `${what} was found damaged on ${time(event.detectedAt)} (${why}). It was restored from the snapshot of ` +
        `${time(event.snapshotCreatedAt ?? event.detectedAt)}: changes made after that snapshot are not in it, and may still ` +
        `be in the damaged file.${kept}` +
        (event.dataWarning === 'snapshot_lacks_user_data'
          ? ' That snapshot holds none of your talks, runs or exercises, while the damaged file seems to have held some: keep the damaged file and see "Salvage" in the runbook before anything else.'
          : '')
      );
    case 'no_snapshot':
      return (
        `${what} was found damaged on ${time(event.detectedAt)} (${why}) and no verified snapshot could restore it.${kept} ` +
        'It stays unavailable until a snapshot is restored or it is reset.'
      );
    case 'operator_restore':
      return `${what} was restored by an operator on ${time(event.detectedAt)} from the snapshot of ${time(event.snapshotCreatedAt ?? event.detectedAt)}.${kept}`;
    case 'operator_reset':
      return `${what} was reset by an operator on ${time(event.detectedAt)}: its earlier content was not recovered.${kept}`;
  }
}
