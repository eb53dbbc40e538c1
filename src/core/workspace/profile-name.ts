import { AppError } from '../../kernel/errors.js';

export const PROFILE_NAME_MAX = 80;

/** Trims and checks a profile name: 1 to 80 characters once trimmed. */
export function normalizeProfileName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  if (name.length === 0 || [...name].length > PROFILE_NAME_MAX) {
    throw new AppError('profile_name_invalid', `A profile name needs 1 to ${PROFILE_NAME_MAX} characters.`);
  }
  return name;
}

/**
 * The key that makes names unique ignoring case, for every script (SQLite's NOCASE folds ASCII only). Upper- then
 * lower-casing applies the full case mappings, so "Straße" and "STRASSE" collide as they should; NFKC makes composed
 * and decomposed accents equal.
 */
export function profileNameKey(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase();
}
