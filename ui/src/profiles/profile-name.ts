import { ApiError } from '../api/api-error';
import { t } from '../i18n';
import { messageForCode } from '../state/human-error';
import { profileNameProblem as nameRuleProblem } from '../../../src/contracts/profile-limits.js';

/** The shared rule (`contracts/profile-limits.ts`), checked before sending so the message is immediate. */
export function profileNameProblem(name: string): string | null {
  const problem = nameRuleProblem(name);
  if (problem === 'empty') return t('profiles.nameRequired');
  if (problem === 'too_long') return t('profiles.nameTooLong');
  return null;
}

/** The server's refusals that concern the name field (taken, invalid): shown under the field, not in the notice area. */
export function nameFieldError(error: unknown): string | null {
  if (error instanceof ApiError && (error.code === 'profile_name_exists' || error.code === 'profile_name_invalid')) return messageForCode(error.code);
  return null;
}
