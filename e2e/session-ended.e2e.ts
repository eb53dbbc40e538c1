import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, type RunningApp } from './support/lectern-app.js';
import { NARROW_VIEWPORT } from './support/screenshots.js';
import { SCREENSHOTS_DIR } from './support/paths.js';

let app: RunningApp;

test.beforeAll(async () => {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  app = await startApp();
});

test.afterAll(async () => {
  await app.stop();
});

test('a window without a session says so and how to open Lectern again, never an empty New profile form', async ({ browser }) => {
  const owner = await browser.newPage();
  await owner.goto(app.launchUrl);
  await owner.getByTestId('profile-name').fill('Ada');
  await owner.getByTestId('profile-create').click();
  await expect(owner.getByTestId('active-profile-name')).toHaveText('Ada');

  // Another window (or this one after Lectern restarted) has no session: its pages must not look like the data is gone.
  const stranger = await browser.newPage();
  await stranger.goto(`${app.origin}/talks`);
  await expect(stranger.getByTestId('session-ended')).toContainText('This window is no longer connected to Lectern');
  await expect(stranger.getByTestId('session-ended')).toContainText('lectern start');
  await expect(stranger.getByTestId('profile-name')).toHaveCount(0);
  await expect(stranger.getByRole('heading', { level: 1 })).toBeFocused();
  await stranger.screenshot({ path: join(SCREENSHOTS_DIR, 'session-ended-light.png'), fullPage: true });
  await stranger.emulateMedia({ colorScheme: 'dark' });
  await stranger.screenshot({ path: join(SCREENSHOTS_DIR, 'session-ended-dark.png'), fullPage: true });
  await stranger.setViewportSize(NARROW_VIEWPORT);
  await stranger.screenshot({ path: join(SCREENSHOTS_DIR, 'session-ended-390.png'), fullPage: true });

  // The used launch link, reopened elsewhere: a page in words (English and French), not JSON.
  await stranger.goto(app.launchUrl);
  await expect(stranger.getByRole('heading', { level: 1 })).toHaveText('This link was already used');
  await expect(stranger.locator('h2[lang="fr"]')).toHaveText('Ce lien a déjà servi');
  await expect(stranger.locator('body')).not.toContainText('launch_token_invalid');
  await stranger.screenshot({ path: join(SCREENSHOTS_DIR, 'launch-link-used.png'), fullPage: true });

  // Reopened by the window that spent it: that window is simply taken back in.
  await owner.goto(app.launchUrl);
  await expect(owner.getByTestId('active-profile-name')).toHaveText('Ada');
  await owner.close();
  await stranger.close();
});
