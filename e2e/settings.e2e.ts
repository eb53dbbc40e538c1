import { expect, test } from '@playwright/test';
import { startApp, type RunningApp } from './support/lectern-app.js';

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp();
});

test.afterAll(async () => {
  await app.stop();
});

test('the dark theme chosen in Settings is applied to the page and survives a reload', async ({ page }) => {
  await page.goto(app.launchUrl);
  await page.getByTestId('profile-name').fill('Hedy');
  await page.getByTestId('profile-create').click();
  await expect(page.getByTestId('active-profile-name')).toHaveText('Hedy');

  await page.goto(`${app.origin}/settings`);
  const html = page.locator('html');
  await expect(html).not.toHaveClass(/\btheme-(dark|light)\b/);
  const theme = page.getByTestId('setting-theme');
  await expect(theme).toBeEnabled();
  await theme.selectOption('dark');
  await page.getByTestId('setting-theme-save').click();
  await expect(html).toHaveClass(/\btheme-dark\b/);

  await page.reload();
  await expect(html).toHaveClass(/\btheme-dark\b/);
  await expect(html).not.toHaveClass(/\btheme-light\b/);
  await expect(page.getByTestId('setting-theme')).toHaveValue('dark');
});
