import type { Locale } from './locale.js';

/**
 * Every preference key Lectern itself reads or writes, in one place: the server's rules and the Settings page use the
 * same names, so a renamed key cannot leave one side reading a value nobody writes. (A user may store other keys;
 * the rules of any key are in preferences.ts.)
 */
export const PREFERENCE_KEYS = {
  /** Global: the interface language, `en` or `fr`. */
  uiLanguage: 'ui.language',
  /** Global: `light`, `dark` or `system`. */
  uiTheme: 'ui.theme',
  /** Global: the speech engine chosen by default for new recordings. */
  asrEngine: 'asr.engine',
  /** Global: hours between scheduled snapshots. */
  snapshotIntervalHours: 'snapshot.intervalHours',
  /** Global: where speech models are downloaded from. */
  modelSource: 'models.source_url',
  /** Profile: sessions a week the coach counts towards. */
  weeklyTarget: 'coach.weeklyTarget',
  /** Profile: the IANA time zone that decides the speaker's local day. */
  timeZone: 'coach.timeZone',
  /** Profile: today's daily quest per talk, kept so it does not change during the day. */
  dailyQuest: 'coach.dailyQuest',
  /** Profile: `done` once the first-run guide was finished or skipped (Help deletes it to show the guide again). */
  onboarding: 'ui.onboarding',
  /** Profile: the chosen microphone as JSON `{ deviceId, label }`; none means the system default. */
  microphone: 'audio.input_device',
} as const;

/** Global: the speech model chosen for a language. */
export function selectedModelKey(language: Locale): `models.selected.${Locale}` {
  return `models.selected.${language}`;
}
