import { expect, test, type Page } from '@playwright/test';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { invokeAs } from './support/invoke.js';
import { startApp, type RunningApp } from './support/lectern-app.js';
import { SCREENSHOTS_DIR } from './support/paths.js';
import { screenshotVariants } from './support/screenshots.js';

const TIME_ZONE = 'America/St_Johns';
test.use({ timezoneId: TIME_ZONE, locale: 'en-GB' });

/** A snapshot's time as the page writes it: local, to the second. */
function localTime(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: TIME_ZONE }).format(new Date(iso));
}

async function createTalk(page: Page, app: RunningApp, title: string): Promise<void> {
  await page.goto(`${app.origin}/talks`);
  await page.getByTestId('talk-title').fill(title);
  await page.getByTestId('talk-create').click();
  await expect(page.getByTestId('talk-link').filter({ hasText: title })).toHaveCount(1);
}

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp();
});

test.afterAll(async () => {
  await app.stop();
});

test('the speaker restores an older snapshot from Data health: later talks go, the old state is kept, the history says so', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(app.launchUrl);
  await page.getByTestId('profile-name').fill('Grace');
  await page.getByTestId('profile-create').click();
  await expect(page.getByTestId('active-profile-name')).toHaveText('Grace');
  const profileId = (await invokeAs(page, app, 'profile_list')).profiles[0]!.id;
  await createTalk(page, app, 'Opening keynote');

  // A snapshot of the profile with one talk, and one of the shared database.
  await page.goto(`${app.origin}/health`);
  const card = page.getByRole('region', { name: /^Profile “Grace”/ });
  await card.getByTestId('snapshot-create').click();
  await expect(card.locator('[data-testid=snapshot-row][data-reason=manual]')).toHaveCount(1);
  const sharedCard = page.getByRole('region', { name: 'The app’s shared database' });
  await sharedCard.getByTestId('snapshot-create-other').click();
  await expect(sharedCard.locator('[data-testid=snapshot-row][data-reason=manual]')).toHaveCount(1);
  const manual = (await invokeAs(page, app, 'db_snapshot_list', { profileId })).snapshots.find(
    (snapshot) => snapshot.reason === 'manual',
  )!;
  const sharedSnapshot = (await invokeAs(page, app, 'db_snapshot_list')).snapshots[0]!;

  await createTalk(page, app, 'Closing remarks');

  // A snapshot of another database slipped into this profile's folder is refused, in words, next to the button.
  const backups = join(app.dataDir, 'profiles', profileId, 'backups');
  for (const file of readdirSync(join(app.dataDir, 'backups')).filter((name) => name.startsWith(sharedSnapshot.name))) {
    copyFileSync(join(app.dataDir, 'backups', file), join(backups, file));
  }
  await page.goto(`${app.origin}/health`);
  const dialog = page.getByRole('dialog');
  await card.locator(`[data-testid=snapshot-row][data-snapshot="${sharedSnapshot.name}"]`).getByTestId('snapshot-restore').click();
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('restore-confirm').click();
  await expect(dialog.getByTestId('restore-error')).toHaveText(
    'This snapshot belongs to another database, so it was not restored. Nothing was changed.',
  );
  await dialog.getByTestId('restore-cancel').click();
  await expect(dialog).toBeHidden();

  // The dialog says what will happen; Escape cancels and nothing changes.
  const row = card.locator(`[data-testid=snapshot-row][data-snapshot="${manual.name}"]`);
  await expect(row.getByTestId('snapshot-time')).toHaveText(localTime(manual.createdAt));
  await expect(row.getByTestId('snapshot-reason')).toHaveText('Made by you');
  await row.getByTestId('snapshot-restore').click();
  await expect(dialog.getByRole('heading')).toHaveText(`Restore the snapshot of ${localTime(manual.createdAt)}?`);
  await expect(dialog).toContainText(
    `The profile “Grace” goes back to how it was on ${localTime(manual.createdAt)}: talks, runs, notes and exercises added or changed after that moment will no longer be shown.`,
  );
  await expect(dialog).toContainText('the current state is kept first as a snapshot (“Before a restore”)');
  await expect(dialog.getByTestId('restore-cancel')).toBeFocused();
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'restore-dialog.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(row.getByTestId('snapshot-restore')).toBeFocused();
  await expect(card.getByTestId('recovery-event')).toHaveCount(0);

  await row.getByTestId('snapshot-restore').click();
  await dialog.getByTestId('restore-confirm').click();
  await expect(dialog).toBeHidden();
  const preRestore = (await invokeAs(page, app, 'db_snapshot_list', { profileId })).snapshots.find(
    (snapshot) => snapshot.reason === 'pre-restore',
  )!;
  await expect(card.getByTestId('restore-result').locator('p')).toHaveText([
    `Restored from the snapshot of ${localTime(manual.createdAt)}.`,
    `The previous state is kept as the snapshot of ${localTime(preRestore.createdAt)} (“Before a restore”): restore it to undo.`,
  ]);
  await expect(card.getByTestId('restore-result')).toBeFocused();
  await expect(card.locator('[data-testid=snapshot-row][data-reason=pre-restore] [data-testid=snapshot-reason]')).toHaveText(
    'Before a restore',
  );
  await expect(card.getByTestId('recovery-event')).toHaveCount(1);
  await expect(card.getByTestId('recovery-event')).toContainText(
    `An earlier state of the database of profile “Grace” was restored`,
  );
  await expect(card.getByTestId('recovery-notice')).toContainText(`it went back to its snapshot of ${localTime(manual.createdAt)}`);
  // An operator's restore is not a surprise: no banner.
  await expect(page.getByTestId('recovery-banner')).toHaveCount(0);
  await screenshotVariants(page, app, 'data-health-restore', () => expect(page.getByTestId('recovery-event')).toHaveCount(1));

  // The talk list no longer shows the talk created after the snapshot.
  await page.getByTestId('nav-talks').click();
  await expect(page.getByTestId('talk-link')).toHaveText(['Opening keynote']);
});

test('restoring the shared database keeps every profile: one created after the snapshot is brought back from Data health', async ({ page }) => {
  test.setTimeout(120_000);
  const own = await startApp();
  try {
    await page.goto(own.launchUrl);
    await page.getByTestId('profile-name').fill('Grace');
    await page.getByTestId('profile-create').click();
    await expect(page.getByTestId('active-profile-name')).toHaveText('Grace');
    await page.goto(`${own.origin}/health`);
    const shared = page.getByRole('region', { name: 'The app’s shared database' });
    await shared.getByTestId('snapshot-create-other').click();
    await expect(shared.locator('[data-testid=snapshot-row][data-reason=manual]')).toHaveCount(1);
    const snapshot = (await invokeAs(page, own, 'db_snapshot_list')).snapshots.find(
      (entry) => entry.reason === 'manual',
    )!;

    // Hedy is created after the snapshot (and becomes the active profile).
    await page.goto(`${own.origin}/profiles`);
    await page.getByTestId('profile-name').fill('Hedy');
    await page.getByTestId('profile-create').click();
    await expect(page.getByTestId('active-profile-name')).toHaveText('Hedy');

    await page.goto(`${own.origin}/health`);
    await shared.locator(`[data-testid=snapshot-row][data-snapshot="${snapshot.name}"]`).getByTestId('snapshot-restore').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(
      `The list of profiles and the app’s settings go back to how they were on ${localTime(snapshot.createdAt)}. Each profile ` +
        'keeps its own talks and runs; a profile created after that moment leaves the list until you bring it back here.',
    );
    await dialog.getByTestId('restore-confirm').click();

    // Grace is the active profile again, as in the snapshot; the page says what happened and offers Hedy back.
    await expect(page.getByTestId('active-profile-name')).toHaveText('Grace');
    await expect(shared.getByTestId('restore-result').locator('p').first()).toHaveText(
      `Restored from the snapshot of ${localTime(snapshot.createdAt)}.`,
    );
    const unlisted = shared.locator('[data-finding=unlisted_profile_folders]');
    await expect(unlisted).toContainText('1 profile is on this computer but missing from the list of profiles');
    await unlisted.getByTestId('profiles-adopt').click();
    await expect(shared.getByTestId('profiles-adopted')).toHaveText('1 profile is back in the list: “Hedy”.');
    await expect(page.getByRole('region', { name: /^Profile “Hedy”/ })).toBeVisible();
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'data-health-shared-restore.png'), fullPage: true });
    const names = (await invokeAs(page, own, 'profile_list')).profiles.map((profile) => profile.name);
    expect(names.sort()).toEqual(['Grace', 'Hedy']);
  } finally {
    await own.stop();
  }
});
