import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readZipSafely } from '../src/platform/zip/zip-reader.js';
import { join } from 'node:path';
import { SCREENSHOTS_DIR } from './support/paths.js';
import { startApp } from './support/lectern-app.js';

test('data health: clean diagnostics, a snapshot on demand, and the recovery notice after damage between two starts', async ({ page }) => {
  test.setTimeout(120_000);
  let app = await startApp();
  await page.goto(app.launchUrl);
  await page.getByTestId('profile-name').fill('Grace');
  await page.getByTestId('profile-create').click();
  await expect(page.getByTestId('active-profile-name')).toHaveText('Grace');

  await page.goto(`${app.origin}/health`);
  await expect(page.getByText(/OK|sain|healthy/i).first()).toBeVisible();
  const count = page.getByTestId('snapshot-count');
  const before = Number((await count.textContent())?.match(/\d+/)?.[0] ?? 0);
  await page.getByTestId('snapshot-create').click();
  await expect(count).toContainText(String(before + 1));
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'data-health.png'), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('support-bundle').click()]);
  const bundle = readZipSafely(readFileSync((await download.path())!));
  expect(bundle.entries.map((e) => e.name).sort()).toEqual(['README.txt', 'diagnostics.json', 'log-tail.txt', 'recovery-events.json', 'snapshots.json', 'versions.json']);
  expect(bundle.entries.some((e) => e.data.includes(Buffer.from('Grace')))).toBe(false);
  await app.stop();

  // Between two starts, the profile database is damaged (its header overwritten).
  const profilesDir = join(app.dataDir, 'profiles');
  const profileId = readdirSync(profilesDir)[0]!;
  writeFileSync(join(profilesDir, profileId, 'profile.db'), Buffer.alloc(4096, 0x42));

  app = await startApp(app.dataDir);
  await page.goto(app.launchUrl);
  await page.goto(`${app.origin}/health`);
  await expect(page.getByTestId('recovery-notice').first()).toContainText(/restored from the snapshot/i, { timeout: 20_000 });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'recovery.png'), fullPage: true });
  await app.stop();
});
