import { PREFERENCE_KEYS } from '../../../src/contracts/preference-keys.js';
import { ref } from 'vue';
import { readPreference, writePreference } from './preferences';

export type Theme = 'system' | 'light' | 'dark';

/** Global preference holding the colour theme ('system' when unset or unknown). */
export const THEME_PREFERENCE = PREFERENCE_KEYS.uiTheme;

const THEME_CLASSES: Record<Theme, string | null> = { system: null, light: 'theme-light', dark: 'theme-dark' };

export function asTheme(value: string | null): Theme {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** The theme in use (base.css reads the class this puts on <html>). */
export const theme = ref<Theme>('system');

/** Sets `theme-light` or `theme-dark` on <html>, or neither to follow the system. */
export function applyTheme(next: Theme): void {
  theme.value = next;
  const root = document.documentElement;
  for (const [name, className] of Object.entries(THEME_CLASSES)) {
    if (className) root.classList.toggle(className, name === next);
  }
}

/** Reads `ui.theme` and applies it (done once at start). */
export async function loadThemePreference(): Promise<void> {
  applyTheme(asTheme(await readPreference({ kind: 'global' }, THEME_PREFERENCE)));
}

/** Stores the theme ('system' deletes the preference) and applies it. */
export async function saveThemePreference(next: Theme): Promise<void> {
  await writePreference({ kind: 'global' }, THEME_PREFERENCE, next === 'system' ? null : next);
  applyTheme(next);
}
