import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT_DIR, SCREENSHOTS_DIR } from './support/paths.js';
import { invokeAs } from './support/invoke.js';
import { withReview } from './support/reviewed-pack.js';
import { startApp, type RunningApp } from './support/lectern-app.js';

let app: RunningApp;

test.beforeAll(async () => {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  mkdirSync(OUTPUT_DIR, { recursive: true });
  app = await startApp();
});

test.afterAll(async () => {
  await app.stop();
});


test('a run goes out as a pack, comes back reviewed, and its review reads on the talk it is about', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(app.launchUrl);
  await page.getByTestId('profile-name').fill('Lin');
  await page.getByTestId('profile-create').click();
  await expect(page.getByTestId('active-profile-name')).toHaveText('Lin');

  await page.goto(`${app.origin}/talks`);
  await page.getByTestId('talk-title').fill('Shipping every week');
  await page.getByTestId('talk-create').click();
  await page.getByTestId('talk-link').first().click();
  await expect(page).toHaveURL(/\/talks\/proj_[0-9a-f]{32}/);
  const projectId = /\/talks\/(proj_[0-9a-f]{32})/.exec(page.url())![1]!;

  // A run with a typed transcript, made through the API as the page would.
  const { profiles } = await invokeAs(page, app, 'profile_list', {});
  const profileId = profiles.find((profile) => profile.isActive)!.id;
  const { run } = await invokeAs(page, app, 'run_create', { profileId, projectId });
  const { transcriptId } = await invokeAs(page, app, 'transcript_save', {
    profileId,
    language: 'en',
    text: 'We ship every week because small changes are easy to review.\nSo today I will show you how we do it.',
  });
  await invokeAs(page, app, 'run_set_transcript', { profileId, runId: run.id, transcriptId });

  // From the talk page: each transcribed run can be sent for review.
  await page.reload();
  await expect(page.getByTestId('peer-reviews-empty')).toBeVisible();
  const [fromRunRow] = await Promise.all([page.waitForEvent('download'), page.getByTestId('run-pack-export').click()]);
  expect(fromRunRow.suggestedFilename()).toMatch(/^lectern-pack-.+\.zip$/);

  // From the Packs page.
  await page.getByTestId('nav-packs').click();
  await expect(page).toHaveURL(/\/packs$/);
  await page.getByTestId('pack-talk').selectOption({ label: 'Shipping every week' });
  await expect(page.getByTestId('pack-run')).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pack-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^lectern-pack-.+\.zip$/);
  const exported = join(OUTPUT_DIR, 'exported-pack.zip');
  await download.saveAs(exported);

  // Something that is not a pack is refused with a human message.
  await page.getByTestId('pack-file').setInputFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip at all') });
  await expect(page.getByTestId('error-message')).toContainText('not a zip Lectern can open');
  await expect(page.getByTestId('error-region')).not.toContainText('pack_zip_invalid'); // words, never the raw code
  await expect(page.getByTestId('pack-preview')).toHaveCount(0);

  // The pack as exported (no review yet): the preview says so; cancel.
  await page.getByTestId('pack-file').setInputFiles(exported);
  await expect(page.getByTestId('pack-preview-title')).toHaveText('Shipping every week');
  await expect(page.getByTestId('pack-preview-has-review')).toContainText('not filled in');
  await page.getByTestId('pack-cancel').click();
  await expect(page.getByTestId('pack-preview')).toHaveCount(0);

  // The pack as the reviewer sends it back.
  const reviewed = join(OUTPUT_DIR, 'reviewed-pack.zip');
  writeFileSync(reviewed, withReview(readFileSync(exported), [{ t_ms: 65_000, note: 'Pause before the demo.' }]));
  await page.getByTestId('pack-file').setInputFiles(reviewed);
  const preview = page.getByTestId('pack-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('pack-preview-title')).toHaveText('Shipping every week');
  await expect(page.getByTestId('pack-preview-reviewer')).toHaveText('Margaret');
  await expect(page.getByTestId('pack-preview-has-review')).toHaveText('filled in');
  await expect(page.getByTestId('pack-preview-file')).toHaveCount(5);
  await expect(preview).toContainText('run/transcript.json');
  // The pack is about one of Lin's own runs: its review is added to that run, no new talk is made.
  await expect(page.getByTestId('pack-attaches')).toBeVisible();
  await expect(page.getByTestId('pack-import')).toHaveText('Add the review to your run');
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'packs.png'), fullPage: true });
  await page.getByTestId('pack-import').click();
  await expect(page.getByTestId('pack-imported')).toContainText('The review is now on the run it is about.');

  await page.goto(`${app.origin}/talks`);
  await expect(page.getByTestId('talk-link')).toHaveCount(1);
  await page.getByTestId('talk-link').click();
  await expect(page.getByTestId('talk-heading')).toHaveText('Shipping every week');
  const reviews = page.getByTestId('peer-reviews');
  await expect(reviews.getByTestId('peer-review-row')).toHaveCount(1);
  await expect(reviews.getByTestId('peer-review-row')).toContainText('Margaret');
  await reviews.getByTestId('peer-review-open').click();
  const detail = page.getByTestId('peer-review-detail');
  await expect(detail.getByTestId('peer-review-score')).toHaveCount(5);
  await expect(detail.getByTestId('peer-review-score').first()).toContainText('4/5');
  await expect(detail.getByTestId('peer-review-strengths')).toHaveText('A clear opening story.');
  await expect(detail.getByTestId('peer-review-improvements')).toHaveText('Slow down in the middle part.');
  await expect(detail.getByTestId('peer-review-remarks')).toContainText('1:05');
  await expect(detail.getByTestId('peer-review-remarks')).toContainText('Pause before the demo.');
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'peer-review.png'), fullPage: true });
});
