import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { invokeAs } from './support/invoke.js';
import { startApp, type RunningApp } from './support/lectern-app.js';
import { FAKE_MIC_WAV, OUTPUT_DIR, SCREENSHOTS_DIR } from './support/paths.js';
import { NARROW_VIEWPORT, screenshotVariants, useLanguage } from './support/screenshots.js';

let app: RunningApp;
let talkUrl: string;
/** One page for the whole file: the launch link opens one session, and the tests follow one speaker's day. */
let page: Page;

test.describe.configure({ mode: 'serial' });

const OUTLINE = '# Shipping every day\n\n- Why small steps win\n- How we release\n- What it changed for us';
const RUN_PAGE = /\/talks\/proj_[0-9a-f]{32}\/runs\/run_[0-9a-f]{32}$/;
const FEEDBACK_PAGE = /\/feedback\/fb_[0-9a-f]{32}$/;

test.beforeAll(async ({ browser }) => {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  app = await startApp();
  page = await browser.newPage();
  await page.goto(app.launchUrl);
  const { profile } = await invokeAs(page, app, 'profile_create', { name: 'Ada' });
  const { project } = await invokeAs(page, app, 'project_create', {
    profileId: profile.id,
    project: { title: 'Shipping every day', durationTargetSec: 300 },
  });
  await invokeAs(page, app, 'outline_set', { profileId: profile.id, projectId: project.id, markdown: OUTLINE });
  talkUrl = `${app.origin}/talks/${project.id}`;
});

test.afterAll(async () => {
  await page.close();
  await app.stop();
});

/** Opens the Record page of the talk and records `seconds` of the fake microphone's speech, then presses Stop. */
async function recordTake(seconds: number, whileRecording?: () => Promise<void>): Promise<void> {
  await page.goto(talkUrl);
  await page.getByTestId('record-run').click();
  await page.getByTestId('record-start').click();
  await expect(page.getByTestId('record-timer')).not.toHaveText('0:00', { timeout: 10_000 });
  await page.waitForTimeout(seconds * 1000);
  await whileRecording?.();
  await page.getByTestId('record-stop').click();
}

test('Record, Stop: the run is saved, transcribed and analysed, and the feedback appears with no other click', async () => {
  test.setTimeout(120_000);
  await recordTake(5, async () => {
    // While recording: the outline, the target time, the elapsed time and the input level are on screen.
    await expect(page.getByTestId('record-outline')).toContainText('How we release');
    await expect(page.getByTestId('record-target')).toHaveText('Target 5:00');
    await expect(page.getByTestId('level-meter')).toBeVisible();
    const shot = (variant: string) => page.screenshot({ path: join(SCREENSHOTS_DIR, `record-live-${variant}.png`), fullPage: true });
    await shot('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize(NARROW_VIEWPORT);
    await shot('390');
    await page.setViewportSize({ width: 1280, height: 720 });
  });
  await expect(page).toHaveURL(RUN_PAGE, { timeout: 30_000 });
  await expect(page).toHaveURL(FEEDBACK_PAGE, { timeout: 90_000 });
  await expect(page.getByTestId('feedback-score')).toHaveText(/^\d+$/);
});

test('leaving the Record page while recording asks first, and staying keeps the take going', async () => {
  test.setTimeout(60_000);
  await recordTake(2, async () => {
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Back' }).click();
    await expect.poll(() => asked).toEqual(['You are recording. Leave this page and lose this take?']);
    await expect(page).toHaveURL(/\/record\?/);
    await expect(page.getByTestId('record-stop')).toBeEnabled();
  });
  await expect(page).toHaveURL(FEEDBACK_PAGE, { timeout: 90_000 });
});

test('a reload during the transcription: the run page finds its job again and still ends on the feedback', async () => {
  test.setTimeout(150_000);
  await recordTake(20);
  await expect(page).toHaveURL(RUN_PAGE, { timeout: 30_000 });
  await expect(page.getByTestId('pipeline-label')).toContainText('Transcribing', { timeout: 30_000 });
  await page.reload();
  await expect(page.getByTestId('pipeline-label')).toContainText('Transcribing');
  await expect(page).toHaveURL(FEEDBACK_PAGE, { timeout: 120_000 });
});

test('a cancelled run is kept: it says why, the talk page offers to continue it, and it can be deleted with its audio', async () => {
  test.setTimeout(150_000);
  await page.goto(talkUrl);
  await expect(page.getByTestId('run-list').or(page.getByTestId('runs-empty'))).toBeVisible();
  const runsBefore = await page.getByTestId('run-row').count();
  await recordTake(20);
  await expect(page).toHaveURL(RUN_PAGE, { timeout: 30_000 });
  await page.getByTestId('pipeline-cancel').click();
  await expect(page.getByTestId('run-stop-reason')).toHaveText('You stopped the transcription.');
  const runUrl = page.url();
  await screenshotVariants(page, app, 'run-stopped', () => expect(page.getByTestId('run-stop-reason')).toBeVisible());

  await page.goto(talkUrl);
  await expect(page.getByTestId('run-row')).toHaveCount(runsBefore + 1);
  await expect(page.getByTestId('run-row').first()).toContainText('not finished');
  await page.getByTestId('run-continue').first().click();
  await expect(page).toHaveURL(runUrl);
  // After the route change, focus is on the new page's content and the active tab is Talks.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByTestId('nav-talks')).toHaveAttribute('aria-current', 'page');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('run-delete').click();
  await expect(page).toHaveURL(talkUrl);
  await expect(page.getByTestId('run-row')).toHaveCount(runsBefore);
});

test('the run page in French says why a run stopped in French', async () => {
  test.setTimeout(150_000);
  await page.goto(talkUrl);
  await useLanguage(page, app, 'fr');
  await recordTake(20);
  await expect(page).toHaveURL(RUN_PAGE, { timeout: 30_000 });
  await page.getByTestId('pipeline-cancel').click();
  await expect(page.getByTestId('run-stop-reason')).toHaveText('Vous avez arrêté la transcription.');
  await useLanguage(page, app, 'en');
});

test('an existing recording (Ogg Vorbis, decoded in the browser) becomes a run with the same automatic pipeline', async () => {
  test.setTimeout(120_000);
  const ogg = join(OUTPUT_DIR, 'existing-take.ogg');
  execFileSync('sox', [FAKE_MIC_WAV, '-r', '44100', '-c', '2', ogg, 'trim', '0', '8']);
  const notAudio = join(OUTPUT_DIR, 'notes.ogg');
  writeFileSync(notAudio, 'these are my notes, not a recording');
  await page.goto(talkUrl);
  await page.getByTestId('record-run').click();

  await page.getByTestId('record-upload-submit').click();
  await expect(page.getByTestId('record-upload-error')).toHaveText('Choose an audio file first.');
  await page.getByTestId('record-upload-file').setInputFiles(notAudio);
  await page.getByTestId('record-upload-submit').click();
  await expect(page.getByTestId('record-upload-error')).toHaveText('This file could not be read as audio. Try another format, such as WAV or MP3.');
  await expect(page.getByTestId('record-upload-file')).toBeFocused();

  await page.getByTestId('record-upload-file').setInputFiles(ogg);
  await page.getByTestId('record-upload-submit').click();
  await expect(page).toHaveURL(RUN_PAGE, { timeout: 30_000 });
  await expect(page).toHaveURL(FEEDBACK_PAGE, { timeout: 90_000 });
  await expect(page.getByTestId('feedback-score')).toHaveText(/^\d+$/);
});
