import { expect, test, type Page } from '@playwright/test';
import { chmodSync, existsSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { invokeAs } from './support/invoke.js';
import { createProfileThroughPage } from './support/profile-through-page.js';
import { startApp, type RunningApp } from './support/lectern-app.js';
import { REPO_ROOT } from './support/paths.js';
import { screenshotVariants } from './support/screenshots.js';

let app: RunningApp;
/** One page for the whole file: the launch link opens one session, and the tests follow one speaker's day. */
let page: Page;
/** A stand-in file manager (LECTERN_FILE_MANAGER): writes the folder it was asked to open to a file. */
const fileManagerDir = mkdtempSync(join(tmpdir(), 'lectern-e2e-fm-'));
const openedFile = join(fileManagerDir, 'opened.txt');

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  const program = join(fileManagerDir, 'file-manager');
  writeFileSync(program, `#!/bin/sh\nprintf '%s\\n' "$@" > '${openedFile}'\n`);
  chmodSync(program, 0o755);
  process.env.LECTERN_FILE_MANAGER = program;
  app = await startApp();
  delete process.env.LECTERN_FILE_MANAGER;
  page = await browser.newPage();
  await page.goto(app.launchUrl);
});

test.afterAll(async () => {
  await app.stop();
});

async function createProfile(name: string): Promise<void> {
  await page.goto(`${app.origin}/profiles`);
  await createProfileThroughPage(page, app, name);
}

test('the first-run guide shows once per profile, checks the microphone, can be skipped, and comes back from Help', async () => {
  test.setTimeout(120_000);
  await createProfile('Ada');
  await page.getByTestId('nav-talks').click();

  const guide = page.getByTestId('onboarding');
  await expect(guide.getByRole('heading', { level: 2 })).toHaveText('Welcome to Lectern');
  await expect(page.getByTestId('onboarding-step')).toHaveText('Step 1 of 5');
  await screenshotVariants(page, app, 'onboarding', () => expect(page.getByTestId('onboarding')).toBeVisible());
  await page.getByTestId('onboarding-next').click();
  await expect(guide.getByRole('heading', { level: 2 })).toHaveText('Everything stays on this computer');
  await page.getByTestId('onboarding-next').click();

  // The microphone check: the fake microphone's speech moves the meter; nothing is recorded.
  await page.getByTestId('onboarding-mic-check').click();
  await expect.poll(() => page.getByTestId('onboarding-level').evaluate((meter) => Number(meter.getAttribute('value') ?? 0)), { timeout: 15_000 }).toBeGreaterThan(0.2);
  await page.getByTestId('onboarding-next').click();
  await expect(guide).toContainText('Your profile “Ada” is ready');

  // A first talk, created below the guide, turns the last step into a link to record it.
  await page.getByTestId('talk-title').fill('Demo day');
  await page.getByTestId('talk-create').click();
  await expect(page.getByTestId('talk-row')).toHaveCount(1);
  await page.getByTestId('onboarding-next').click();
  await expect(page.getByTestId('onboarding-record-link')).toHaveAttribute('href', /^\/record\?projectId=proj_[0-9a-f]{32}$/);
  await page.getByTestId('onboarding-finish').click();
  await expect(guide).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('talk-row')).toHaveCount(1);
  await expect(guide).toHaveCount(0);

  // Another profile gets the guide too; skipping it is remembered for that profile only.
  await createProfile('Grace');
  await page.getByTestId('nav-talks').click();
  await expect(guide).toBeVisible();
  await page.getByTestId('onboarding-skip').click();
  await expect(guide).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('talks-empty')).toBeVisible();
  await expect(guide).toHaveCount(0);

  // Help brings it back.
  await page.getByTestId('nav-help').click();
  await page.getByTestId('help-show-guide').click();
  await expect(page).toHaveURL(`${app.origin}/talks`);
  await expect(page.getByTestId('onboarding-step')).toHaveText('Step 1 of 5');
});

test('Help explains each metric with the band the analysis uses, the keyboard, backups and the support bundle', async () => {
  await page.goto(`${app.origin}/help`);
  await expect(page.getByTestId('help-pace-ideal')).toHaveText('Ideal130 to 160');
  await expect(page.getByTestId('help-pace-too_slow')).toHaveText('Too slowup to 109');
  await expect(page.getByTestId('help-pace-too_fast')).toHaveText('Too fast181 and more');
  await expect(page.getByTestId('help-metric-fillers').getByTestId('help-metric-band')).toHaveText(
    'Up to 2 a minute are free (for typed text, 1.5 per 100 words).',
  );
  await expect(page.getByTestId('help-metric-longPauses').getByTestId('help-metric-band')).toHaveText(
    'A pause is a silence of 300 ms or more; a long pause lasts 2 s or more. 1 long pause a minute is free.',
  );
  await expect(page.getByTestId('help-metric-targetDuration').getByTestId('help-metric-band')).toHaveText('Within 20% of the target length is free.');
  await expect(page.getByTestId('help-metric-volume')).toContainText('Costs at most 8 points.');
  await expect(page.locator('#shortcuts kbd').first()).toHaveText('Tab / Shift+Tab');
  await page.getByTestId('help-support-link').click();
  await expect(page).toHaveURL(`${app.origin}/health#support-heading`);
  await expect(page.getByTestId('support-bundle')).toBeVisible();
  await page.goto(`${app.origin}/help`);
  await screenshotVariants(page, app, 'help', () => expect(page.getByTestId('help-pace-ideal')).toBeVisible());
});

test('About gives the version, the data folder (opened on request), schema versions, engines, licences and privacy', async () => {
  const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  await page.goto(`${app.origin}/help`);
  await page.getByTestId('help-about-link').click();
  await expect(page.getByTestId('about-version')).toHaveText(version);
  await expect(page.getByTestId('about-data-folder')).toHaveText(app.dataDir);
  const about = await invokeAs(page, app, 'app_about', {});
  await expect(page.getByTestId('about-schema-global')).toContainText(
    `schema version ${about.databases.global.knownVersion} of ${about.databases.global.knownVersion} (up to date)`,
  );
  await expect(page.getByTestId('about-schema-profile')).toContainText('(up to date)');
  await expect(page.getByTestId('about-engine-manual')).toHaveText('Manual (type the text): available (EN, FR)');
  await expect(page.getByTestId('about-licences').getByRole('row', { name: /^SQLite/ })).toContainText('Public domain');
  await expect(page.getByTestId('about-privacy')).toContainText('no telemetry and no network access');

  await page.getByTestId('about-open-folder').click();
  await expect(page.getByText('The data folder is open in your file manager.')).toBeVisible();
  await expect.poll(() => existsSync(openedFile)).toBe(true);
  expect(readFileSync(openedFile, 'utf8')).toBe(`${realpathSync(app.dataDir)}\n`);
  await screenshotVariants(page, app, 'about', () => expect(page.getByTestId('about-version')).toHaveText(version));
});
