/**
 * The rule for a profile's name, shared by the server and the UI (zod-free: the UI imports it at run time): NFC, trimmed,
 * then 1-80 characters counted as the speaker sees them (code points, so an emoji is one character, not two).
 */
export const PROFILE_NAME_MAX = 80;

export type ProfileNameProblem = 'empty' | 'too_long';

/** Why a name (as typed) is refused, or null when it is fine once trimmed. */
export function profileNameProblem(raw: string): ProfileNameProblem | null {
  const name = raw.normalize('NFC').trim();
  if (name.length === 0) return 'empty';
  if ([...name].length > PROFILE_NAME_MAX) return 'too_long';
  return null;
}
