/**
 * The rules a talk's fields follow, in one place: the server refuses with these codes and the talk form checks the
 * same rules, with the same way of counting, before it sends anything (so a message sits next to its field and never
 * disagrees with the server). Zod-free, so the UI imports it at run time.
 */

export const TALK_LIMITS = {
  /** Characters, counted as the server stores the text: NFC, trimmed, one per code point (an emoji counts once). */
  title: 120,
  audience: 240,
  goal: 1000,
  /** Eight hours: longer is surely a typo of minutes for seconds. */
  durationMaxSec: 8 * 3600,
} as const;

export type TalkTextField = 'title' | 'audience' | 'goal';

export type TalkFieldCode =
  | 'project_title_required'
  | 'project_title_too_long'
  | 'project_audience_too_long'
  | 'project_goal_too_long'
  | 'project_duration_invalid';

/** The text as stored: composed (NFC, so "é" typed two ways is one character) and trimmed. */
export function storedTalkText(raw: string): string {
  return raw.normalize('NFC').trim();
}

/** Characters as a reader counts them: code points, so an emoji or an accented letter is one. */
export function characterCount(text: string): number {
  return [...text].length;
}

const TOO_LONG: Record<TalkTextField, TalkFieldCode> = {
  title: 'project_title_too_long',
  audience: 'project_audience_too_long',
  goal: 'project_goal_too_long',
};

/** Why a text field is refused, or null when it fits. Only the title is required. */
export function talkTextRefusal(field: TalkTextField, raw: string): TalkFieldCode | null {
  const text = storedTalkText(raw);
  if (field === 'title' && text.length === 0) return 'project_title_required';
  return characterCount(text) > TALK_LIMITS[field] ? TOO_LONG[field] : null;
}

/** A target duration is a whole number of seconds from 1 s to 8 h. */
export function isValidTargetSeconds(seconds: number): boolean {
  return Number.isInteger(seconds) && seconds > 0 && seconds <= TALK_LIMITS.durationMaxSec;
}
