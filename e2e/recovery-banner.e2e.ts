import { expect, test, type Page } from '@playwright/test';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { invokeAs } from './support/invoke.js';
import { createProfileThroughPage } from './support/profile-through-page.js';
import { startApp, type RunningApp } from './support/lectern-app.js';
import { screenshotVariants, useLanguage } from './support/screenshots.js';

/** Far from UTC (and by half an hour), so a time shown in UTC can never pass for the local one. */
const TIME_ZONE = 'Asia/Kolkata';
test.use({ timezoneId: TIME_ZONE, locale: 'en-GB' });

/** A time as the page must write it: the speaker's time zone, the interface language's conventions. */
function localTime(iso: string, locale: 'en-GB' | 'fr-FR' = 'en-GB', timeZone = TIME_ZONE): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** A snapshot's time, to the second. */
function snapshotTime(iso: string, locale: 'en-GB' | 'fr-FR' = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: TIME_ZONE }).format(new Date(iso));
}

async function createProfileWithTalk(page: Page, app: RunningApp, name: string, talk: string): Promise<void> {
  await page.goto(app.launchUrl);
  await createProfileThroughPage(page, app, name);
  await page.goto(`${app.origin}/talks`);
  await page.getByTestId('talk-title').fill(talk);
  await page.getByTestId('talk-create').click();
  await expect(page.getByTestId('talk-link')).toHaveText([talk]);
}

test('after an automatic repair, every page shows a banner in local time until the speaker dismisses it', async ({ page }) => {
  test.setTimeout(180_000);
  let app = await startApp();
  await createProfileWithTalk(page, app, 'Grace', 'Quarterly review');
  await app.stop();

  // Between two starts, the profile database is damaged (its header overwritten): the next start repairs it.
  const profilesDir = join(app.dataDir, 'profiles');
  const profileId = readdirSync(profilesDir)[0]!;
  writeFileSync(join(profilesDir, profileId, 'profile.db'), Buffer.alloc(4096, 0x42));

  app = await startApp(app.dataDir);
  try {
    await page.goto(app.launchUrl);
    const banner = page.getByTestId('recovery-banner');
    await expect(banner).toHaveCount(1, { timeout: 20_000 });
    const { notices } = await invokeAs(page, app, 'db_recovery_notices_pending');
    expect(notices.map((notice) => notice.outcome)).toEqual(['restored']);
    const notice = notices[0]!;
    const snapshotAt = notice.snapshotCreatedAt!;
    const file = notice.quarantineName!;
    expect(localTime(snapshotAt)).not.toBe(localTime(snapshotAt, 'en-GB', 'UTC'));

    // The first page (the talk list, still holding the talk the snapshot kept) says what happened, in local time.
    await expect(page).toHaveURL(/\/talks$/);
    await expect(page.getByTestId('talk-link')).toHaveText(['Quarterly review']);
    await expect(banner.getByRole('heading')).toHaveText('Lectern repaired the database of profile “Grace”');
    await expect(banner.getByTestId('recovery-banner-text')).toHaveText(
      `It was found damaged on ${localTime(notice.detectedAt)} (the file was no longer a database). ` +
        `Lectern put back its snapshot of ${snapshotTime(snapshotAt)}: changes you made after that time are not in it. ` +
        `They may still be in the damaged file, kept aside in your data folder as ${file}.`,
    );
    await expect(banner.getByTestId('recovery-banner-warning')).toHaveCount(0);
    await screenshotVariants(page, app, 'recovery-banner', () => expect(banner).toHaveCount(1));

    // In French, the same facts in French words and French dates (never the server's English sentence).
    await useLanguage(page, app, 'fr');
    await expect(banner.getByRole('heading')).toHaveText('Lectern a réparé la base du profil « Grace »');
    await expect(banner.getByTestId('recovery-banner-text')).toHaveText(
      `Elle a été trouvée endommagée le ${localTime(notice.detectedAt, 'fr-FR')} (le fichier n’était plus une base de données). ` +
        `Lectern a remis son instantané du ${snapshotTime(snapshotAt, 'fr-FR')} : les modifications faites après ce moment n’y sont pas. ` +
        `Elles sont peut-être encore dans le fichier endommagé, mis de côté dans votre dossier de données sous le nom ${file}.`,
    );
    await useLanguage(page, app, 'en');

    // Every page shows it, not only the first one.
    await page.getByTestId('nav-settings').click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(banner).toHaveCount(1);

    // Its link leads to Data health, whose history tells the same story.
    await banner.getByTestId('recovery-banner-health').click();
    await expect(page).toHaveURL(/\/health$/);
    const history = page.getByRole('region', { name: /^Profile “Grace”/ }).getByTestId('recovery-notice');
    await expect(history).toHaveText([await banner.getByTestId('recovery-banner-text').innerText()]);

    // Dismissed from the keyboard: the banner goes, focus lands on the page, and it stays gone after a reload.
    await banner.getByTestId('recovery-banner-dismiss').focus();
    await page.keyboard.press('Enter');
    await expect(banner).toHaveCount(0);
    await expect(page.locator('#main')).toBeFocused();
    expect((await invokeAs(page, app, 'db_recovery_notices_pending')).notices).toEqual([]);
    await page.reload();
    await expect(page.getByTestId('snapshot-row').first()).toBeVisible();
    await expect(banner).toHaveCount(0);
    await expect(history).toHaveCount(1);
  } finally {
    await app.stop();
  }
});

test('a journal file deleted by another program while the app runs is saved, and the banner says nothing was lost', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await startApp();
  try {
    await createProfileWithTalk(page, app, 'Hedy', 'Team update');
    const profileId = readdirSync(join(app.dataDir, 'profiles'))[0]!;
    const wal = join(app.dataDir, 'profiles', profileId, 'profile.db-wal');
    expect(existsSync(wal)).toBe(true);
    rmSync(wal);

    // The next commands on the profile notice it; the banner comes with the next page.
    const banner = page.getByTestId('recovery-banner');
    await expect(async () => {
      await page.getByTestId('nav-talks').click();
      await page.getByTestId('nav-training').click();
      await expect(banner).toHaveCount(1, { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    const { notices } = await invokeAs(page, app, 'db_recovery_notices_pending');
    expect(notices.map((notice) => notice.outcome)).toEqual(['journal_saved']);
    await expect(banner.getByRole('heading')).toHaveText('Lectern rescued your latest changes to the database of profile “Hedy”');
    await expect(banner.getByTestId('recovery-banner-text')).toHaveText(
      `On ${localTime(notices[0]!.detectedAt)}, another program deleted its journal file, which holds your latest changes, ` +
        'while Lectern was running. Lectern saved everything it held into the database at once and started a new journal, ' +
        'so nothing was lost.',
    );
    await expect(banner.getByTestId('recovery-banner-advice')).toHaveText(
      'If a cleaning or sync tool watches your data folder, keep it away from Lectern’s files.',
    );
    await page.getByTestId('nav-talks').click();
    await expect(page.getByTestId('talk-link')).toHaveText(['Team update']);
  } finally {
    await app.stop();
  }
});
