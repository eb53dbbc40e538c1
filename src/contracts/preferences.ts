import { z } from 'zod';

/**
 * The one definition of what a preference may be, applied to every door (HTTP, CLI, in-process): keys are 1-160 characters
 * of [A-Za-z0-9._:-] (after trimming); keys that look like they hold a secret are refused, because secrets never go in
 * SQLite (a future remote engine's key goes to the OS keychain); values are at most 32 KiB of UTF-8; null deletes.
 */
export const PREFERENCE_KEY_MAX = 160;
export const PREFERENCE_VALUE_MAX_BYTES = 32 * 1024;
export const SENSITIVE_KEY_FRAGMENTS = ['token', 'secret', 'password', 'credential', 'api_key', 'apikey', 'private_key'] as const;

const KEY_CHARACTERS = /^[A-Za-z0-9._:-]+$/;

export type PreferenceKeyProblem = 'preference_key_invalid' | 'preference_key_sensitive_forbidden';

/** Lowercased with `.`, `-` and `:` read as `_`, so `Api-Key`, `api.key` and `API_KEY` are all caught. */
export function isSensitivePreferenceKey(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[.\-:]/g, '_');
  return SENSITIVE_KEY_FRAGMENTS.some((fragment) => normalized.includes(fragment));
}

/** Why a (trimmed) key is refused, or null when it is fine. */
export function preferenceKeyProblem(key: string): PreferenceKeyProblem | null {
  if (key.length === 0 || key.length > PREFERENCE_KEY_MAX || !KEY_CHARACTERS.test(key)) return 'preference_key_invalid';
  if (isSensitivePreferenceKey(key)) return 'preference_key_sensitive_forbidden';
  return null;
}

export function isPreferenceValueTooLarge(value: string): boolean {
  return new TextEncoder().encode(value).length > PREFERENCE_VALUE_MAX_BYTES;
}

const KeyField = z.string().max(1000);

export const PreferenceGlobalGetPayloadSchema = z.object({ key: KeyField }).strict();
export const PreferenceGlobalSetPayloadSchema = z.object({ key: KeyField, value: z.string().nullable() }).strict();
export const PreferenceProfileGetPayloadSchema = z.object({ profileId: z.string(), key: KeyField }).strict();
export const PreferenceProfileSetPayloadSchema = z
  .object({ profileId: z.string(), key: KeyField, value: z.string().nullable() })
  .strict();
export const PreferenceValueResultSchema = z.object({ value: z.string().nullable() }).strict();
