import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS_DIR } from './support/paths.js';
import { startApp, type RunningApp } from './support/lectern-app.js';

let app: RunningApp;

test.beforeAll(async () => {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  app = await startApp();
});

test.afterAll(async () => {
  await app.stop();
});

test('a new speaker records a run with the microphone and gets feedback that survives a reload', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(app.launchUrl);

  // No profile yet: the app asks for one.
  await page.getByTestId('profile-name').fill('Ada');
  await page.getByTestId('profile-create').click();
  await expect(page.getByTestId('active-profile-name')).toHaveText('Ada');
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'profiles.png'), fullPage: true });

  await page.goto(`${app.origin}/talks`);
  await page.getByTestId('talk-title').fill('Shipping every day');
  await page.getByTestId('talk-create').click();
  await page.getByTestId('talk-link').first().click();
  await expect(page).toHaveURL(/\/talks\/proj_[0-9a-f]{32}/);
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'talk.png'), fullPage: true });

  await page.getByTestId('record-run').click();
  await expect(page).toHaveURL(/\/record\?/);
  await page.getByTestId('record-start').click();
  await expect(page.getByTestId('record-timer')).not.toHaveText(/^0:00$/, { timeout: 10_000 });
  await page.waitForTimeout(6_000); // speech from the fake microphone (a WAV played in a loop)
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'record.png'), fullPage: true });
  await page.getByTestId('record-stop').click();
  // No other click: the take is saved, transcribed and analysed, and the feedback opens.
  await expect(page).toHaveURL(/\/feedback\/fb_[0-9a-f]{32}/, { timeout: 120_000 });
  await expect(page.getByTestId('feedback-score')).toHaveText(/\d+/);
  await expect(page.getByTestId('feedback-wpm')).toHaveText(/\d+/);
  await expect(page.getByTestId('feedback-fillers')).toBeVisible();
  await page.getByTestId('feedback-note').fill('Start without the um.');
  await page.getByTestId('feedback-note-save').click();
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'feedback.png'), fullPage: true });
  const feedbackUrl = page.url();

  await page.goto(`${app.origin}/training`);
  await expect(page.getByTestId('streak-days')).toHaveText('1 day');
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'training.png'), fullPage: true });

  await page.goto(`${app.origin}/progress`);
  await expect(page.getByTestId('chart-score')).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'progress.png'), fullPage: true });

  await page.goto(feedbackUrl);
  await page.reload();
  await expect(page.getByTestId('feedback-score')).toHaveText(/\d+/);
  await expect(page.getByTestId('feedback-note')).toHaveValue('Start without the um.');
});
