import { expect, test, type Page } from '@playwright/test';
import { invokeAs } from './support/invoke.js';
import { startApp, type RunningApp } from './support/lectern-app.js';
import { screenshotVariants } from './support/screenshots.js';

/**
 * The Training page follows what happened: the mascot's "fresh feedback to read" counts feedback whose review page
 * the speaker has not seen yet, and today's quest shows as done once done (on Training, on its Quest page, and in the
 * mascot's words). The browser runs in Paris time: "today" and the time shown are the speaker's.
 */
const TIME_ZONE = 'Europe/Paris';
const FEEDBACK_PAGE = /\/feedback\/fb_[0-9a-f]{32}$/;

let app: RunningApp;
let page: Page;
let profileId: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  app = await startApp();
  page = await browser.newPage({ timezoneId: TIME_ZONE });
  await page.goto(app.launchUrl);
  const { profile } = await invokeAs(page, app, 'profile_create', { name: 'Ada' });
  profileId = profile.id;
});

test.afterAll(async () => {
  await page.close();
  await app.stop();
});

/** A run of the talk with a typed transcript, analysed: its feedback id. */
async function analysedRun(projectId: string, text: string): Promise<string> {
  const { run } = await invokeAs(page, app, 'run_create', { profileId, projectId });
  const { transcriptId } = await invokeAs(page, app, 'transcript_save', { profileId, text });
  await invokeAs(page, app, 'run_set_transcript', { profileId, runId: run.id, transcriptId });
  return (await invokeAs(page, app, 'run_analyze', { profileId, runId: run.id })).feedbackId;
}

/** Opens a feedback's review page and waits until the page has said it was shown. */
async function openFeedback(feedbackId: string): Promise<void> {
  const marked = page.waitForResponse((response) => response.url().endsWith('/api/invoke/feedback_mark_opened') && response.ok());
  await page.goto(`${app.origin}/feedback/${feedbackId}`);
  await expect(page.getByTestId('feedback-score')).toHaveText(/^\d+$/);
  await marked;
}

async function training(): Promise<void> {
  await page.goto(`${app.origin}/training`);
  await expect(page.getByTestId('mascot')).toBeVisible();
  await expect(page.getByTestId('daily-quest')).toBeVisible();
}

test('two runs with feedback: the mascot counts them until both were opened, and never says "Your first take"', async () => {
  const { project } = await invokeAs(page, app, 'project_create', { profileId, project: { title: 'Shipping every day' } });
  const first = await analysedRun(project.id, 'We ship every day.\nSmall steps keep every change easy to review.');
  const second = await analysedRun(project.id, 'Today I will show you how we release.\nAnd why it matters to our customers.');

  await training();
  const mascot = page.getByTestId('mascot');
  await expect(mascot.locator('h2')).toHaveText('Feedback ready');
  await expect(mascot.locator('p')).toHaveText('2 fresh pieces of feedback to read: pick one action and try again.');
  await screenshotVariants(page, app, 'training-fresh-feedback', async () => {
    await expect(page.getByTestId('mascot')).toBeVisible();
  });

  // The list the mascot's button opens marks both as new.
  await mascot.getByRole('link', { name: 'Open feedback' }).click();
  await expect(page.getByTestId('timeline-item')).toHaveCount(2);
  await expect(page.getByTestId('timeline-new')).toHaveCount(2);
  await screenshotVariants(page, app, 'feedback-list-new', async () => {
    await expect(page.getByTestId('timeline-new')).toHaveCount(2);
  });

  await openFeedback(first);
  await training();
  await expect(mascot.locator('p')).toHaveText('1 fresh piece of feedback to read: pick one action and try again.');

  await openFeedback(second);
  await training();
  await expect(mascot.locator('h2')).toHaveText('Small and often');
  await expect(mascot).not.toContainText('fresh');
  await expect(mascot).not.toContainText('Your first take');
  // A reload changes nothing: the opened state is stored, not remembered by the page.
  await page.reload();
  await expect(mascot.locator('h2')).toHaveText('Small and often');
  await page.goto(`${app.origin}/feedback`);
  await expect(page.getByTestId('timeline-item')).toHaveCount(2);
  await expect(page.getByTestId('timeline-new')).toHaveCount(0);
});

test('today’s quest, once done, shows as done on Training, on its Quest page and in the mascot’s words', async () => {
  await training();
  const card = page.getByTestId('daily-quest');
  await expect(card.getByTestId('daily-quest-done')).toHaveCount(0);
  await expect(card.getByTestId('daily-quest-start')).toHaveText('Start the quest');
  const questTitle = await card.locator('h2').textContent();

  await card.getByTestId('daily-quest-start').click();
  await expect(page.getByTestId('quest-heading')).toHaveText(questTitle!);
  await expect(page.getByTestId('quest-daily')).toHaveText('This is today’s quest.');
  await page.getByTestId('quest-answer').fill('This talk helps new hires ship on their first day. By the end you will know the three steps.');
  await page.getByTestId('quest-submit').click();
  await expect(page).toHaveURL(FEEDBACK_PAGE);
  await expect(page.getByTestId('feedback-score')).toHaveText(/^\d+$/);

  const { daily } = await invokeAs(page, app, 'quest_get_daily', { profileId, timeZone: TIME_ZONE });
  expect(daily.doneAt).not.toBeNull();
  const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(daily.doneAt!));

  await training();
  await expect(card.getByTestId('daily-quest-done')).toHaveText(`✓ Done today at ${time}`);
  await expect(card.getByTestId('daily-quest-start')).toHaveText('Practise it again');
  const mascot = page.getByTestId('mascot');
  await expect(mascot.locator('h2')).toHaveText('Today’s quest: done');
  await expect(mascot.locator('p')).toHaveText('Well done. A new quest waits for you tomorrow; until then, a free take keeps the momentum.');
  await screenshotVariants(page, app, 'training-daily-done', async () => {
    await expect(page.getByTestId('daily-quest-done')).toBeVisible();
  });

  await card.getByTestId('daily-quest-start').click();
  await expect(page.getByTestId('quest-daily')).toHaveText(`Today’s quest: done at ${time}. You can practise it again.`);
  await screenshotVariants(page, app, 'quest-daily-done', async () => {
    await expect(page.getByTestId('quest-daily')).toBeVisible();
  });
});
