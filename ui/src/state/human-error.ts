import { ApiError } from '../api/api-error';
import { hasMessage, t } from '../i18n';

/** The human message of an error code: ours in the interface language when we have one, else the server's sentence. */
export function messageForCode(code: string, fallback?: string): string {
  const key = `error.${code}`;
  if (hasMessage(key)) return t(key);
  return fallback && fallback.length > 0 ? fallback : t('error.unknown');
}

export interface HumanError {
  code: string;
  message: string;
}

/** Any thrown value as `{ code, message }` for the speaker (API errors, microphone errors, the rest). */
export function humanError(error: unknown): HumanError {
  if (error instanceof ApiError) return { code: error.code, message: messageForCode(error.code, error.message) };
  if (error instanceof DOMException) {
    const code =
      error.name === 'NotAllowedError' || error.name === 'SecurityError'
        ? 'mic_denied'
        : error.name === 'NotFoundError' || error.name === 'OverconstrainedError'
          ? 'mic_not_found'
          : error.name === 'NotReadableError'
            ? 'mic_busy'
            : 'unknown';
    return { code, message: messageForCode(code, error.message) };
  }
  if (error instanceof Error) return { code: 'unknown', message: error.message || t('error.unknown') };
  return { code: 'unknown', message: t('error.unknown') };
}
