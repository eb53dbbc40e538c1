import { PROFILE_NAME_MAX, profileNameProblem } from '../../contracts/profile-limits.js';
import { AppError } from '../../kernel/errors.js';

/** Trims and checks a profile name by the shared rule (`contracts/profile-limits.ts`). */
export function normalizeProfileName(raw: string): string {
  if (profileNameProblem(raw) !== null) {
    throw new AppError('profile_name_invalid', `A profile name needs 1 to ${PROFILE_NAME_MAX} characters.`);
  }
  return raw.normalize('NFC').trim();
}

/**
 * The key that makes names unique ignoring case, for every script (SQLite's NOCASE folds ASCII only). Upper- then
 * lower-casing applies the full case mappings, so "Straße" and "STRASSE" collide as they should; NFKC makes composed
 * and decomposed accents equal.
 */
export function profileNameKey(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase();
}
