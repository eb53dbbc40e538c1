import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { invokeAs } from './support/invoke.js';
import { startApp, type RunningApp } from './support/lectern-app.js';
import { FAKE_MIC_WAV } from './support/paths.js';
import { createProfileThroughPage, skipFirstRunGuide } from './support/profile-through-page.js';

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp();
});

test.afterAll(async () => {
  await app.stop();
});

test('a run left without a transcript can be typed instead: an empty text is refused at the field, a typed one is analysed', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(app.launchUrl);
  const profileId = await createProfileThroughPage(page, app, 'Ada');
  await skipFirstRunGuide(page, app, profileId);

  // A recorded run that was never transcribed (Lectern stopped before): what the run page offers to finish.
  const { project } = await invokeAs(page, app, 'project_create', { profileId, project: { title: 'Weekly demo' } });
  const { run } = await invokeAs(page, app, 'run_create', { profileId, projectId: project.id });
  const upload = await page.request.post(`${app.origin}/api/upload/audio?profileId=${profileId}`, {
    headers: { Origin: app.origin, 'Content-Type': 'audio/wav' },
    data: readFileSync(FAKE_MIC_WAV),
  });
  const { audioArtifactId } = ((await upload.json()) as { result: { audioArtifactId: string } }).result;
  await invokeAs(page, app, 'run_attach_audio', { profileId, runId: run.id, audioArtifactId });

  await page.goto(`${app.origin}/talks/${project.id}/runs/${run.id}`);
  await page.getByTestId('run-type').click();
  const text = page.getByTestId('run-typed-text');
  await expect(text).toBeFocused();
  await expect(text).toHaveAttribute('aria-invalid', 'false');

  // Nothing typed: said under the field, and the field is marked, not a notice.
  await text.fill('   ');
  await page.getByTestId('run-typed-submit').click();
  await expect(page.locator('#typed-transcript ~ .field-error')).toHaveText('The transcript has no words.');
  await expect(text).toHaveAttribute('aria-invalid', 'true');
  await expect(text).toBeFocused();

  await text.fill('We ship every week. Small changes are easy to review and easy to undo.');
  await page.getByTestId('run-typed-submit').click();
  await expect(page).toHaveURL(/\/feedback\/fb_[0-9a-f]{32}$/, { timeout: 30_000 });
  const { run: analysed } = await invokeAs(page, app, 'run_get', { profileId, runId: run.id });
  expect(page.url().endsWith(`/feedback/${analysed.feedbackId!}`)).toBe(true);
  const { feedback } = await invokeAs(page, app, 'feedback_get', { profileId, feedbackId: analysed.feedbackId! });
  await expect(page.getByTestId('feedback-score')).toHaveText(String(feedback.overallScore));
});
