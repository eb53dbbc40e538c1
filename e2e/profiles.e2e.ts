import { expect, test } from '@playwright/test';
import { invokeAs } from './support/invoke.js';
import { createProfileThroughPage, skipFirstRunGuide } from './support/profile-through-page.js';
import { startApp, type RunningApp } from './support/lectern-app.js';

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp();
});

test.afterAll(async () => {
  await app.stop();
});

test('a speaker renames and deletes profiles; a taken or empty name is said under the field, and nothing changes', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(app.launchUrl);
  await skipFirstRunGuide(page, app, await createProfileThroughPage(page, app, 'Ada'));

  await page.getByTestId('nav-profiles').click();
  await page.getByTestId('profile-name').fill('Grace');
  await page.getByTestId('profile-create').click();
  const rows = page.getByTestId('profile-row');
  await expect(rows).toHaveCount(2);

  // A name another profile holds (names ignore case): refused by the server, said under the field, not in a notice.
  await page.getByTestId('profile-name').fill('ada');
  await page.getByTestId('profile-create').click();
  await expect(page.getByTestId('profile-name-error')).toHaveText('Another profile already has this name.');
  await expect(page.getByTestId('error-message')).toHaveCount(0);
  await expect(rows).toHaveCount(2);

  // Back to Ada, so that the profile renamed and deleted below is not the active one.
  await rows.filter({ hasText: 'Ada' }).getByTestId('profile-switch').click();
  await expect(page.getByTestId('active-profile-name')).toHaveText('Ada');

  // Rename: the field opens with the name selected; empty and taken names are refused in words; Escape cancels.
  const grace = rows.filter({ hasText: 'Grace' });
  await grace.getByTestId('profile-rename').click();
  const input = page.getByTestId('profile-rename-input');
  await expect(input).toBeFocused();
  await input.fill('   ');
  await page.getByTestId('profile-rename-save').click();
  await expect(page.getByTestId('profile-rename-error')).toHaveText('Enter a name.');
  await input.fill('ADA');
  await page.getByTestId('profile-rename-save').click();
  await expect(page.getByTestId('profile-rename-error')).toHaveText('Another profile already has this name.');
  await input.press('Escape');
  await expect(input).toHaveCount(0);
  await expect(rows.nth(1).locator('h3')).toHaveText('Grace');

  // 80 emoji are 80 characters for the server and for the page alike (the page once counted them as 160).
  const eighty = '🎤'.repeat(80);
  await grace.getByTestId('profile-rename').click();
  await input.fill(eighty);
  await page.getByTestId('profile-rename-save').click();
  await expect(page.getByTestId('status-region')).toHaveText(`Renamed to “${eighty}”.`);
  const renamed = rows.filter({ hasText: eighty });
  await expect(renamed).toHaveCount(1);
  await renamed.getByTestId('profile-rename').click();
  await input.fill(`${eighty}!`);
  await page.getByTestId('profile-rename-save').click();
  await expect(page.getByTestId('profile-rename-error')).toHaveText('Use at most 80 characters.');
  await input.press('Escape');

  // Delete: the question names what is lost and focus waits on Cancel, so a stray Enter deletes nothing.
  await renamed.getByTestId('profile-delete').click();
  await expect(renamed.getByRole('group', { name: 'Confirm deletion' })).toContainText(`Delete “${eighty}”? Its talks, recordings and feedback are removed from this computer. This cannot be undone.`);
  await expect(renamed.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.getByTestId('profile-delete-confirm').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.locator('h3')).toHaveText('Ada Active');
  const { profiles } = await invokeAs(page, app, 'profile_list');
  expect(profiles.map((profile) => profile.name)).toEqual(['Ada']);
});
