import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { DataLayout } from '../src/platform/db/layout.js';
import { invokeAs } from './support/invoke.js';
import { startApp, type RunningApp } from './support/lectern-app.js';
import { screenshotVariants } from './support/screenshots.js';

let app: RunningApp;

test.use({ timezoneId: 'UTC', locale: 'en-GB' });

test.beforeAll(async () => {
  app = await startApp();
});

test.afterAll(async () => {
  await app.stop();
});

/** Six takes of one talk, from many fillers to none, so that each analysis scores differently. */
const TAKES = [
  'Um, so, um, we ship every week. Uh, you know, small changes are, um, easy to review. Um, that is it.',
  'Um, so we ship every week. Uh, small changes are, um, easy to review. You know, that is the point.',
  'So we ship every week. Um, small changes are easy to review, you know. That is the point.',
  'So, um, we ship every week. I think small changes are, maybe, easy to review. So yeah, that’s it.',
  'We ship every week. Small changes are easy to review, um, and easy to undo.',
  'We ship every week. Small changes are easy to review and easy to undo. Try it this month.',
];

test('progress: six runs over three days read apart, show their value on hover, and open their review on click', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(app.launchUrl);
  await page.getByTestId('profile-name').fill('Lin');
  await page.getByTestId('profile-create').click();
  await expect(page.getByTestId('active-profile-name')).toHaveText('Lin');
  const { profiles } = await invokeAs(page, app, 'profile_list', {});
  const profileId = profiles.find((profile) => profile.isActive)!.id;
  const { project } = await invokeAs(page, app, 'project_create', { profileId, project: { title: 'Shipping every week' } });
  const feedbackIds: string[] = [];
  for (const text of TAKES) {
    const { run } = await invokeAs(page, app, 'run_create', { profileId, projectId: project.id });
    const { transcriptId } = await invokeAs(page, app, 'transcript_save', { profileId, language: 'en', text });
    await invokeAs(page, app, 'run_set_transcript', { profileId, runId: run.id, transcriptId });
    feedbackIds.push((await invokeAs(page, app, 'run_analyze', { profileId, runId: run.id })).feedbackId);
  }

  // The analyses happened just now; the test moves them to three days, two a day (09:00 and 17:30 UTC), the first
  // day 10 days ago so that "last 7 days" leaves it out.
  const day = (daysAgo: number, time: string) => {
    const date = new Date(Date.now() - daysAgo * 86_400_000);
    return `${date.toISOString().slice(0, 10)}T${time}:00.000Z`;
  };
  const times = [day(10, '09:00'), day(10, '17:30'), day(2, '09:00'), day(2, '17:30'), day(1, '09:00'), day(1, '17:30')];
  const db = new Database(new DataLayout(app.dataDir).profileDb(profileId));
  const move = db.prepare('UPDATE auto_feedback SET created_at = ? WHERE id = ?');
  feedbackIds.forEach((id, index) => move.run(times[index], id));
  db.close();
  const { points } = await invokeAs(page, app, 'coach_trends', { profileId, projectId: project.id });
  expect(points.map((point) => point.feedbackId)).toEqual(feedbackIds);

  await page.goto(`${app.origin}/progress`);
  const scoreChart = page.getByTestId('chart-score');
  await expect(scoreChart.getByTestId('chart-score-point')).toHaveCount(6);
  // Two runs share each day: the axis labels carry the time, so the first and last points read apart.
  await expect(page.getByTestId('chart-score-first-label')).toHaveText(`${Number(times[0]!.slice(8, 10))} ${monthOf(times[0]!)}, 09:00`);
  await expect(page.getByTestId('chart-score-last-label')).toHaveText(`${Number(times[5]!.slice(8, 10))} ${monthOf(times[5]!)}, 17:30`);
  await expect(page.getByTestId('chart-wpm-band-label')).toHaveText('Ideal pace 130–160');
  // Typed takes have no timing: the pace chart says why it is empty instead of inventing a value.
  await expect(page.getByTestId('chart-wpm-summary')).toHaveText('Needs recorded runs: typed text has no timing, so no value is shown.');

  // Hovering the third point shows its value and when.
  await scoreChart.getByTestId('chart-score-point').nth(2).hover();
  const tooltip = page.getByTestId('chart-score-tooltip');
  await expect(tooltip).toHaveText(`${points[2]!.score}/100${Number(times[2]!.slice(8, 10))} ${monthOf(times[2]!)}, 09:00`);
  // The best score in words, with its day.
  const best = Math.max(...points.map((point) => point.score));
  await expect(page.getByTestId('progress-insights')).toContainText(`Personal best: a score of ${best}`);
  // The text alternative lists every point.
  await page.getByTestId('chart-score-table-toggle').click();
  await expect(page.getByTestId('chart-score-table').locator('tbody tr')).toHaveCount(6);
  await screenshotVariants(page, app, 'progress', () => expect(page.getByTestId('chart-score').getByTestId('chart-score-point')).toHaveCount(6));

  // The last 7 days leave out the first day's two runs.
  await page.getByTestId('trend-period').selectOption('week');
  await expect(scoreChart.getByTestId('chart-score-point')).toHaveCount(4);

  // A click opens that run's review.
  await scoreChart.getByTestId('chart-score-point').nth(1).click();
  await expect(page).toHaveURL(new RegExp(`/feedback/${feedbackIds[3]}$`));

  // That take's review names its wording habits: two hedges, a weak opener and a weak closer.
  const language = page.getByTestId('language-coaching');
  await expect(language.getByTestId('language-hedge')).toHaveText([/“I think” used 1 time/, /“maybe” used 1 time/]);
  await expect(language.getByTestId('language-opener')).toContainText('Your talk opens with “So, um”');
  await expect(language.getByTestId('language-closer')).toContainText("Your talk ends on “So yeah, that's it”");
  await screenshotVariants(page, app, 'feedback-language', () => expect(page.getByTestId('language-opener')).toBeVisible());
});

function monthOf(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(new Date(iso));
}
