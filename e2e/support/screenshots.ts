import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { invokeAs } from './invoke.js';
import type { RunningApp } from './lectern-app.js';
import { SCREENSHOTS_DIR } from './paths.js';

/** A phone held upright: the narrowest width the pages are drawn for. */
export const NARROW_VIEWPORT = { width: 390, height: 844 };

/** Chooses the interface language the way Settings does (the saved preference), then reloads the page. */
export async function useLanguage(page: Page, app: RunningApp, language: 'en' | 'fr'): Promise<void> {
  await invokeAs(page, app, 'preference_global_set', { key: 'ui.language', value: language });
  await page.reload();
  await page.locator(`html[lang="${language}"]`).waitFor();
}

/**
 * `<name>-light.png`, `-dark.png` (the system's dark scheme), `-390.png` (a phone) and `-fr.png` of the page as it is
 * now; `ready` waits for what the page must show again after the French reload. The page is left in English, light.
 */
export async function screenshotVariants(page: Page, app: RunningApp, name: string, ready: () => Promise<void>): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const shot = (variant: string) => page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}-${variant}.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await shot('light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('dark');
  await page.emulateMedia({ colorScheme: 'light' });
  const wide = page.viewportSize();
  await page.setViewportSize(NARROW_VIEWPORT);
  await shot('390');
  if (wide) await page.setViewportSize(wide);
  await useLanguage(page, app, 'fr');
  await ready();
  await shot('fr');
  await useLanguage(page, app, 'en');
  await ready();
}
