import { expect, test, type Locator, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findingsOf } from '../src/contracts/diagnostics-findings.js';
import { readZipSafely } from '../src/platform/zip/zip-reader.js';
import { invokeAs } from './support/invoke.js';
import { createProfileThroughPage } from './support/profile-through-page.js';
import { startApp, type RunningApp } from './support/lectern-app.js';
import { SCREENSHOTS_DIR } from './support/paths.js';
import { screenshotVariants } from './support/screenshots.js';

const OK = '✓ OK: no problem found.';

function profileCard(page: Page, name: string): Locator {
  return page.getByRole('region', { name: new RegExp(`^Profile “${name}”`) });
}

/** The findings a card shows, in order, as the codes of the shared rule. */
async function shownFindings(card: Locator): Promise<string[]> {
  await expect(card.getByRole('heading', { name: 'Checks', exact: true })).toBeVisible();
  return card.locator('[data-finding]').evaluateAll((items) => items.map((item) => item.getAttribute('data-finding') ?? ''));
}

test('data health: clean diagnostics, a snapshot on demand, and the recovery after damage between two starts', async ({ page }) => {
  test.setTimeout(120_000);
  let app = await startApp();
  await page.goto(app.launchUrl);
  await createProfileThroughPage(page, app, 'Grace');

  await page.goto(`${app.origin}/health`);
  const card = profileCard(page, 'Grace');
  await expect(card.getByTestId('health-profile-ok')).toHaveText(OK);
  await expect(page.getByTestId('health-global-ok')).toHaveText(OK);
  const rows = card.getByTestId('snapshot-row');
  await expect(card.getByTestId('snapshot-count').or(card.getByTestId('snapshot-none'))).toBeVisible();
  const before = await rows.count();
  await card.getByTestId('snapshot-create').click();
  await expect(rows).toHaveCount(before + 1);
  await expect(card.locator('[data-testid=snapshot-row][data-reason=manual]')).toHaveCount(1);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('support-bundle').click()]);
  const bundle = readZipSafely(readFileSync((await download.path())!));
  expect(bundle.entries.map((e) => e.name).sort()).toEqual(['README.txt', 'diagnostics.json', 'log-tail.txt', 'recovery-events.json', 'snapshots.json', 'versions.json']);
  expect(bundle.entries.some((e) => e.data.includes(Buffer.from('Grace')))).toBe(false);
  await app.stop();

  // Between two starts, the profile database is damaged (its header overwritten). It held no talk, while the damaged
  // file cannot be read to tell: the speaker is warned that their work may be in the file set aside.
  const profilesDir = join(app.dataDir, 'profiles');
  const profileId = readdirSync(profilesDir)[0]!;
  writeFileSync(join(profilesDir, profileId, 'profile.db'), Buffer.alloc(4096, 0x42));

  app = await startApp(app.dataDir);
  try {
    await page.goto(app.launchUrl);
    await page.goto(`${app.origin}/health`);
    const banner = page.getByTestId('recovery-banner');
    await expect(banner.getByTestId('recovery-banner-warning')).toHaveText(
      'Careful: that snapshot holds none of your talks, runs or exercises, but the damaged file seems to have held some. ' +
        'Keep the damaged file and ask for help before you add anything to this profile.',
    );
    // On Data health itself the banner needs no link to it.
    await expect(banner.getByTestId('recovery-banner-health')).toHaveCount(0);
    await expect(card.getByTestId('recovery-event')).toHaveCount(1);
    await expect(card.getByTestId('recovery-event')).toContainText('Lectern repaired the database of profile “Grace”');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'recovery-warning.png'), fullPage: true });
  } finally {
    await app.stop();
  }
});

test('every database is judged by the shared rule, each finding says what to do, and lost profiles come back', async ({ page }) => {
  test.setTimeout(180_000);
  let app: RunningApp = await startApp();
  await page.goto(app.launchUrl);
  for (const name of ['Ada', 'Linus', 'Zoe', 'Grace']) {
    if (name !== 'Ada') await page.goto(`${app.origin}/profiles`);
    await createProfileThroughPage(page, app, name);
  }
  const ids = Object.fromEntries(
    (await invokeAs(page, app, 'profile_list')).profiles.map((profile) => [profile.name, profile.id]),
  );
  await app.stop();

  const profileDir = (name: string) => join(app.dataDir, 'profiles', ids[name]!);
  // Ada's database was rebuilt with sqlite3 .dump: every row is there, the header lost Lectern's marks.
  const ada = new Database(join(profileDir('Ada'), 'profile.db'));
  ada.pragma('application_id = 0');
  ada.pragma('user_version = 0');
  ada.close();
  // Linus's database is damaged and no snapshot is left to repair it (his snapshots were moved elsewhere).
  const savedSnapshots = mkdtempSync(join(tmpdir(), 'lectern-e2e-saved-'));
  cpSync(join(profileDir('Linus'), 'backups'), savedSnapshots, { recursive: true });
  rmSync(join(profileDir('Linus'), 'backups'), { recursive: true, force: true });
  writeFileSync(join(profileDir('Linus'), 'profile.db'), Buffer.alloc(4096, 0x42));
  // The shared database lost Zoe's row (as after restoring an older copy of it): her folder is still there.
  const global = new Database(join(app.dataDir, 'global.db'));
  global.prepare('DELETE FROM profiles WHERE name = ?').run('Zoe');
  global.close();

  app = await startApp(app.dataDir);
  try {
    await page.goto(app.launchUrl);
    await page.goto(`${app.origin}/health`);
    const shared = page.getByRole('region', { name: 'The app’s shared database' });
    const report = async (profileId?: string) =>
      invokeAs(page, app, 'profile_db_diagnostics', profileId ? { profileId } : {});

    // The page shows exactly the findings of findingsOf, the rule `lectern diagnose` uses, for every database.
    expect(await shownFindings(profileCard(page, 'Ada'))).toEqual(findingsOf((await report(ids.Ada)).profile!));
    expect(await shownFindings(profileCard(page, 'Ada'))).toEqual(['file_header_mismatch']);
    expect(await shownFindings(profileCard(page, 'Grace'))).toEqual(findingsOf((await report(ids.Grace)).profile!));
    await expect(profileCard(page, 'Grace').getByTestId('health-profile-ok')).toHaveText(OK);
    expect(await shownFindings(shared)).toEqual(findingsOf((await report()).global));
    expect(await shownFindings(shared)).toEqual(['unlisted_profile_folders']);

    await expect(profileCard(page, 'Ada').locator('[data-finding=file_header_mismatch]')).toHaveText(
      'This database’s file header no longer says it is Lectern’s (it was probably rebuilt with sqlite3 .dump), so Lectern ' +
        'will not open it. Its content may be intact: with Lectern closed, follow “Salvage” in the runbook ' +
        '(docs/operations/runbook.md) to put the header back.',
    );
    await expect(profileCard(page, 'Linus').getByTestId('health-profile-problem')).toContainText(
      'Lectern cannot read this profile’s database. This database was damaged and no snapshot could repair it.',
    );
    const unlisted = shared.locator('[data-finding=unlisted_profile_folders]');
    await expect(unlisted).toContainText(
      '1 profile is on this computer but missing from the list of profiles (the shared database was reset or restored).',
    );
    const banner = page.getByTestId('recovery-banner');
    await expect(banner.getByRole('heading')).toHaveText('Lectern could not repair the database of profile “Linus”');
    await expect(banner.getByTestId('recovery-banner-advice')).toContainText('What to do: on Data health, restore one of its snapshots');
    await screenshotVariants(page, app, 'data-health', () => expect(page.locator('[data-finding]').first()).toBeVisible());

    // "Bring it back" lists Zoe again under her own name; the shared database is then healthy.
    await unlisted.getByTestId('profiles-adopt').click();
    await expect(shared.getByTestId('profiles-adopted')).toHaveText('1 profile is back in the list: “Zoe”.');
    await expect(shared.getByTestId('health-global-ok')).toHaveText(OK);
    await expect(profileCard(page, 'Zoe').getByTestId('health-profile-other-ok')).toHaveText(OK);
    expect(findingsOf((await report()).global)).toEqual([]);

    // Linus's snapshots are put back where they belong: Data health lists them, and a restore in the app revives him.
    cpSync(savedSnapshots, join(profileDir('Linus'), 'backups'), { recursive: true });
    await page.reload();
    const linus = profileCard(page, 'Linus');
    await expect(linus.getByTestId('health-profile-problem')).toContainText('Restoring one of its snapshots below brings the profile back.');
    await linus.getByTestId('snapshot-restore').first().click();
    await page.getByRole('dialog').getByTestId('restore-confirm').click();
    await expect(linus.getByTestId('restore-result')).toBeVisible();
    await expect(linus.getByTestId('health-profile-other-ok')).toHaveText(OK);
    expect((await report(ids.Linus)).profileProblem).toBeNull();
    // The banner that said Linus stays unavailable until a snapshot is restored is settled by that restore.
    await expect(page.getByTestId('recovery-banner')).toHaveCount(0);
  } finally {
    await app.stop();
  }
});
