import { t } from '../i18n';

/** The server's rule (1-80 characters once trimmed), checked before sending so the message is immediate. */
export function profileNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return t('profiles.nameRequired');
  if (trimmed.length > 80) return t('profiles.nameTooLong');
  return null;
}
