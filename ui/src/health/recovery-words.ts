import type { RecoveryEvent } from '../api/types/health';
import { hasMessage, t } from '../i18n';
import { formatDateTime, formatSnapshotTime } from '../util/format';

/** A recovery told in the interface language: built from the event's fields, never from the server's English notice. */
export interface RecoveryStory {
  title: string;
  /** What happened and what it means for the speaker's work, in order. */
  sentences: string[];
  /** A reason to worry beyond the story (the restored snapshot holds none of the speaker's data). */
  warning: string | null;
  /** What to do, when the speaker has to act. */
  advice: string | null;
}

/** Which database an event is about: the app's shared one, or a profile's (by name while it is listed). */
export function databasePhrase(event: Pick<RecoveryEvent, 'scope'>, profileName: string | null): string {
  if (event.scope === 'global') return t('recovery.db.global');
  return profileName === null ? t('recovery.db.unlisted') : t('recovery.db.profile', { name: profileName });
}

/** The story of one recovery event; `profileName` names the profile's database (null: global, or no longer listed). */
export function recoveryStory(event: RecoveryEvent, profileName: string | null): RecoveryStory {
  const db = databasePhrase(event, profileName);
  return {
    title: capitalized(t(`recovery.title.${event.outcome}`, { db })),
    sentences: sentencesOf(event).filter((sentence) => sentence.length > 0),
    warning: event.outcome === 'restored' && event.dataWarning === 'snapshot_lacks_user_data' ? t(`recovery.warning.${event.scope}`) : null,
    advice: adviceFor(event),
  };
}

function sentencesOf(event: RecoveryEvent): string[] {
  const date = formatDateTime(event.detectedAt);
  const file = event.quarantineName;
  switch (event.outcome) {
    case 'restored':
      return [
        foundDamaged(event),
        event.snapshotCreatedAt
          ? t('recovery.restored', { date: formatSnapshotTime(event.snapshotCreatedAt) })
          : t('recovery.restoredUnknownTime'),
        file ? t('recovery.restoredKept', { file }) : '',
      ];
    case 'journal_set_aside':
      return [t('recovery.journal', { date }), file ? t('recovery.journalKept', { file }) : ''];
    case 'journal_saved':
      return [t('recovery.journalSaved', { date })];
    case 'no_snapshot':
      return [foundDamaged(event), t(`recovery.noSnapshot.${event.scope}`), file ? t('recovery.damagedKept', { file }) : ''];
    case 'operator_restore':
      return [
        t('recovery.operatorRestore', { date, snapshotDate: formatSnapshotTime(event.snapshotCreatedAt) }),
        // A restore keeps the state it replaces as a pre-restore snapshot, or quarantines it when it cannot be read.
        file ? t('recovery.operatorRestoreKeptFile', { file }) : t('recovery.operatorRestoreKeptSnapshot'),
      ];
    case 'operator_reset':
      return [t('recovery.operatorReset', { date }), file ? t('recovery.oldFileKept', { file }) : ''];
  }
}

function adviceFor(event: RecoveryEvent): string | null {
  if (event.outcome === 'no_snapshot') return t('recovery.noSnapshotAdvice');
  if (event.outcome === 'journal_saved') return t('recovery.journalSavedAdvice');
  return null;
}

/** "It was found damaged on <local time> (<why, in words>)."; an unknown reason is left out rather than shown raw. */
function foundDamaged(event: RecoveryEvent): string {
  const date = formatDateTime(event.detectedAt);
  const why = `recovery.why.${event.reason}`;
  return hasMessage(why) ? t('recovery.foundBecause', { date, why: t(why) }) : t('recovery.found', { date });
}

function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
