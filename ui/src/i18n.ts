import { PREFERENCE_KEYS } from '../../src/contracts/preference-keys.js';
import { isLocale, type Locale } from '../../src/contracts/locale.js';
import { ref, watch } from 'vue';
import { invoke } from './api/invoke';
import { en, type MessageKey } from './locales/en';
import { fr } from './locales/fr';

export type Language = Locale;
export type { MessageKey };

/** The interface's strings, English and French; both have exactly the same keys (checked by the type of `fr`). */
const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, fr };

/** Global preference holding the interface language. */
export const LANGUAGE_PREFERENCE = PREFERENCE_KEYS.uiLanguage;

function browserLanguage(): Language {
  const preferred = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  return preferred.find((tag) => typeof tag === 'string')?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

function asLanguage(value: string | null): Language | null {
  return isLocale(value) ? value : null;
}

/** The current interface language: the saved preference, else the browser's. */
export const language = ref<Language>(browserLanguage());

watch(language, (value) => document.documentElement.setAttribute('lang', value), { immediate: true });

export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** The string for `key` in the current language; `{name}` placeholders are replaced by `params.name`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = MESSAGES[language.value][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The keys that come in plural forms: `<base>.one` and `<base>.other` (plus whatever else a language needs). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

/**
 * The plural form of `base` that the current language uses for `count` (Intl.PluralRules: French says "0 instantané",
 * English "0 snapshots"), with `{count}` replaced by the count written in the language's digits.
 */
export function tn(base: PluralKey, count: number, params: Record<string, string | number> = {}): string {
  const category = new Intl.PluralRules(language.value).select(count);
  const key = `${base}.${category}`;
  const formatted = new Intl.NumberFormat(language.value).format(count);
  return t(hasMessage(key) ? key : `${base}.other`, { count: formatted, ...params });
}

/** Picks the current language's text of a `{ en, fr }` pair (feedback texts carry both). */
export function pick(text: { en: string; fr: string }): string {
  return text[language.value];
}

/** Reads `ui.language`; keeps the browser's language when nothing is saved. */
export async function loadLanguagePreference(): Promise<void> {
  const { value } = await invoke('preference_global_get', { key: LANGUAGE_PREFERENCE });
  const saved = asLanguage(value);
  if (saved) language.value = saved;
}

export async function saveLanguagePreference(next: Language): Promise<void> {
  await invoke('preference_global_set', { key: LANGUAGE_PREFERENCE, value: next });
  language.value = next;
}
