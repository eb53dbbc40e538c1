import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { invokeAs } from './support/invoke.js';
import { createProfileThroughPage, skipFirstRunGuide } from './support/profile-through-page.js';
import { withReview } from './support/reviewed-pack.js';
import { startApp, type RunningApp } from './support/lectern-app.js';
import { screenshotVariants } from './support/screenshots.js';

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp();
});

test.afterAll(async () => {
  await app.stop();
});


const TEXT = 'We ship every week because small changes are easy to review.\nSo today I will show you how we do it.';

test('the run review saves its transcript as text, SRT or WebVTT and links to a page for each of its peer reviews', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(app.launchUrl);
  const profileId = await createProfileThroughPage(page, app, 'Lin');
  await skipFirstRunGuide(page, app, profileId);
  const { project } = await invokeAs(page, app, 'project_create', { profileId, project: { title: 'Shipping every week' } });
  const { run } = await invokeAs(page, app, 'run_create', { profileId, projectId: project.id });
  const { transcriptId } = await invokeAs(page, app, 'transcript_save', { profileId, language: 'en', text: TEXT });
  await invokeAs(page, app, 'run_set_transcript', { profileId, runId: run.id, transcriptId });

  // The review goes out as a pack and comes back filled in.
  const { artifactId } = await invokeAs(page, app, 'pack_export', { profileId, runId: run.id });
  const pack = await page.request.get(`${app.origin}/api/download/${artifactId}?profileId=${profileId}`);
  const upload = await page.request.post(`${app.origin}/api/upload/pack`, {
    headers: { Origin: app.origin, 'Content-Type': 'application/zip' },
    data: withReview(Buffer.from(await pack.body()), []),
  });
  const { uploadId } = ((await upload.json()) as { result: { uploadId: string } }).result;
  const imported = await invokeAs(page, app, 'peer_review_import', { profileId, uploadId });
  const reviewedRun = (await invokeAs(page, app, 'run_get', { profileId, runId: imported.runId })).run;
  const feedbackId =
    reviewedRun.feedbackId ?? (await invokeAs(page, app, 'run_analyze', { profileId, runId: imported.runId })).feedbackId;

  await page.goto(`${app.origin}/feedback/${feedbackId}`);
  await expect(page.getByTestId('feedback-score')).toBeVisible();

  // Each format downloads under its own name, with the transcript's words in it.
  const saved: Record<string, { name: string; text: string }> = {};
  for (const format of ['txt', 'srt', 'vtt'] as const) {
    await page.getByTestId('transcript-export-format').selectOption(format);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('transcript-export').click()]);
    saved[format] = { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
  }
  expect(saved.txt!.name).toMatch(/\.txt$/);
  expect(saved.txt!.text).toContain('We ship every week because small changes are easy to review.');
  expect(saved.srt!.name).toMatch(/\.srt$/);
  expect(saved.srt!.text).toMatch(/^1\r?\n00:00:00,000 --> /);
  expect(saved.vtt!.name).toMatch(/\.vtt$/);
  expect(saved.vtt!.text).toMatch(/^WEBVTT\r?\n/);
  await expect(page.getByText(`Transcript saved as ${saved.vtt!.name}.`)).toBeVisible();

  // The peer review has a page of its own, linked from the run's review, and a way back.
  const link = page.getByTestId('run-peer-review-link');
  await expect(link).toHaveText('Review by Margaret');
  await screenshotVariants(page, app, 'run-review-extras', () => expect(page.getByTestId('run-peer-review-link')).toBeVisible());
  await link.click();
  await expect(page).toHaveURL(`${app.origin}/reviews/${imported.peerReviewId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review by Margaret');
  await expect(page.getByTestId('peer-review-strengths')).toHaveText('A clear opening story.');
  await screenshotVariants(page, app, 'peer-review-page', () => expect(page.getByTestId('peer-review-strengths')).toBeVisible());
  await page.getByTestId('peer-review-back').click();
  await expect(page).toHaveURL(`${app.origin}/feedback/${feedbackId}`);
});
