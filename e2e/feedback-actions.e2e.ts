import { expect, test } from '@playwright/test';
import { invokeAs } from './support/invoke.js';
import { createProfileThroughPage } from './support/profile-through-page.js';
import { startApp, type RunningApp } from './support/lectern-app.js';

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp();
});

test.afterAll(async () => {
  await app.stop();
});

test('each piece of advice names the exercises to practise with by their titles, never by their codes', async ({ page }) => {
  await page.goto(app.launchUrl);
  const profileId = await createProfileThroughPage(page, app, 'Noor');
  const { project } = await invokeAs(page, app, 'project_create', { profileId, project: { title: 'Weekly demo' } });
  const { run } = await invokeAs(page, app, 'run_create', { profileId, projectId: project.id });
  const text = 'Um, so, um, we ship every week. Uh, you know, small changes are, um, easy to review. Um, that is it.';
  const { transcriptId } = await invokeAs(page, app, 'transcript_save', { profileId, language: 'en', text });
  await invokeAs(page, app, 'run_set_transcript', { profileId, runId: run.id, transcriptId });
  const { feedbackId } = await invokeAs(page, app, 'run_analyze', { profileId, runId: run.id });
  const { feedback } = await invokeAs(page, app, 'feedback_get', { profileId, feedbackId });
  const codes = feedback.topActions[0]!.targetQuestCodes;
  expect(codes).toEqual(['F01', 'D01']);
  const titles: string[] = [];
  for (const questCode of codes) titles.push((await invokeAs(page, app, 'quest_get', { profileId, questCode, locale: 'en' })).quest.title);

  await page.goto(`${app.origin}/feedback/${feedbackId}`);
  const links = page.getByTestId('feedback-action-quests').first().getByRole('link');
  await expect(links).toHaveText(titles);
  for (const code of codes) await expect(page.getByTestId('feedback-actions')).not.toContainText(code);
});
