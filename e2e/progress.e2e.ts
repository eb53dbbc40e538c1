import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { floatToPcm16 } from '../src/platform/audio/pcm16.js';
import { writeWavPcm16 } from '../src/platform/audio/wav-writer.js';
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

/**
 * A recording for take `index` (0-5) of the six: a voice-like tone in 8 bursts, 25 s long for the first take and 2.4 s
 * longer for each next one (against a 30 s target: 83% to 123%); 5 long pauses (2.5 s) in the first take down to 1 in
 * the last two, the others 0.4 s; the pitch swings wider each take (more variation). The analyzer measures all of it
 * from the audio, as it does for a real take.
 */
function voiceLikeTake(index: number): Buffer {
  const rate = 16_000;
  const bursts = 8;
  const longGaps = 5 - Math.min(index, 4);
  const total = 25 + index * 2.4;
  const speechSec = (total - longGaps * 2.5 - (bursts - 1 - longGaps) * 0.4) / bursts;
  const swing = (0.5 + index * 0.3) / 3;
  const samples: number[] = [];
  let phase = 0;
  for (let burst = 0; burst < bursts; burst += 1) {
    const length = Math.round(speechSec * rate);
    for (let n = 0; n < length; n += 1) {
      const hz = 140 * 2 ** (swing * Math.sin((2 * Math.PI * n) / length));
      phase += (2 * Math.PI * hz) / rate;
      samples.push(0.4 * Math.sin(phase) + 0.15 * Math.sin(2 * phase));
    }
    const gap = burst === bursts - 1 ? 0 : burst < longGaps ? 2.5 : 0.4;
    for (let n = 0; n < Math.round(gap * rate); n += 1) samples.push(0);
  }
  return writeWavPcm16(floatToPcm16(Float32Array.from(samples)), rate);
}

test('progress: six runs over three days read apart, show their value on hover, and open their review on click', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(app.launchUrl);
  await page.getByTestId('profile-name').fill('Lin');
  await page.getByTestId('profile-create').click();
  await expect(page.getByTestId('active-profile-name')).toHaveText('Lin');
  const { profiles } = await invokeAs(page, app, 'profile_list', {});
  const profileId = profiles.find((profile) => profile.isActive)!.id;
  const { project } = await invokeAs(page, app, 'project_create', { profileId, project: { title: 'Shipping every week', durationTargetSec: 30 } });
  const feedbackIds: string[] = [];
  for (const [index, text] of TAKES.entries()) {
    const { run } = await invokeAs(page, app, 'run_create', { profileId, projectId: project.id });
    const upload = await page.request.post(`${app.origin}/api/upload/audio?profileId=${profileId}`, { headers: { Origin: app.origin, 'Content-Type': 'audio/wav' }, data: voiceLikeTake(index) });
    const { audioArtifactId } = ((await upload.json()) as { result: { audioArtifactId: string } }).result;
    await invokeAs(page, app, 'run_attach_audio', { profileId, runId: run.id, audioArtifactId });
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
  // The recordings give every take a length, long pauses and a pitch variation (their exact values: the analyzer's).
  expect(points.map((point) => point.durationMs)).toEqual([25_000, 27_400, 29_800, 32_200, 34_600, 37_000]);
  expect(points.every((point) => point.longPausesPerMin !== null && point.pitchVariabilitySemitones !== null && point.wpmWholeRun !== null)).toBe(true);
  const when = (index: number) => `${Number(times[index]!.slice(8, 10))} ${monthOf(times[index]!)}, ${times[index]!.slice(11, 16)}`;

  await page.goto(`${app.origin}/progress`);
  const scoreChart = page.getByTestId('chart-score');
  await expect(scoreChart.getByTestId('chart-score-point')).toHaveCount(6);
  // Two runs share each day: the axis labels carry the time, so the first and last points read apart.
  await expect(page.getByTestId('chart-score-first-label')).toHaveText(`${Number(times[0]!.slice(8, 10))} ${monthOf(times[0]!)}, 09:00`);
  await expect(page.getByTestId('chart-score-last-label')).toHaveText(`${Number(times[5]!.slice(8, 10))} ${monthOf(times[5]!)}, 17:30`);
  await expect(page.getByTestId('chart-wpm-band-label')).toHaveText('Ideal pace 130–160');
  await expect(page.getByTestId('chart-pauses-band-label')).toHaveText('Up to 1 a minute');
  await expect(page.getByTestId('chart-pitch-band-label')).toHaveText('Lively voice: 2 or more');
  await expect(page.getByTestId('chart-target-band-label')).toHaveText('On target ±20%');
  for (const id of ['chart-wpm', 'chart-pauses', 'chart-pitch', 'chart-target']) await expect(page.getByTestId(`${id}-point`)).toHaveCount(6);

  // Each new chart's tooltip: the value in words, then the day and time.
  const tooltipOf = async (chart: string, index: number) => {
    await page.getByTestId(`${chart}-point`).nth(index).hover();
    return page.getByTestId(`${chart}-tooltip`);
  };
  const p = (index: number) => points[index]!;
  // Typed text has no word times, so the band judges the whole recording: one pace, said once.
  expect(p(1).wpm).toBe(p(1).wpmWholeRun);
  await expect(await tooltipOf('chart-wpm', 1)).toHaveText(`${p(1).wpm} words/min${when(1)}`);
  await expect(await tooltipOf('chart-pauses', 2)).toHaveText(`${number(p(2).longPausesPerMin!, 2)} a minute${when(2)}`);
  await expect(await tooltipOf('chart-pitch', 4)).toHaveText(`${number(p(4).pitchVariabilitySemitones!, 1)} semitones${when(4)}`);
  // 25 s against the talk's 30 s target: 0.4 min (rounded to a tenth of a minute) for 0.5 min, 83%.
  await expect(await tooltipOf('chart-target', 0)).toHaveText(`0.4 min for a 0.5 min target (83%)${when(0)}`);
  await expect(await tooltipOf('chart-target', 5)).toHaveText(`0.6 min for a 0.5 min target (123%)${when(5)}`);
  // The table says the same, one row per run.
  await page.getByTestId('chart-target-table-toggle').click();
  await expect(page.getByTestId('chart-target-table').locator('tbody tr').nth(3)).toHaveText(`${when(3)}0.5 min for a 0.5 min target (107%)`);

  // A click on a point of each new chart opens that run's review.
  for (const [chart, index] of [['chart-pauses', 2], ['chart-pitch', 4], ['chart-target', 5]] as const) {
    await page.getByTestId(`${chart}-point`).nth(index).click();
    await expect(page).toHaveURL(new RegExp(`/feedback/${feedbackIds[index]}$`));
    await page.goBack();
    await expect(page.getByTestId(`${chart}-point`)).toHaveCount(6);
  }

  // Hovering the third point shows its value and when.
  await scoreChart.getByTestId('chart-score-point').nth(2).hover();
  const tooltip = page.getByTestId('chart-score-tooltip');
  await expect(tooltip).toHaveText(`${points[2]!.score}/100${when(2)}`);
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

  // A talk rehearsed only as typed text: no timing and no voice, so the timed charts say why they are empty.
  const { project: typed } = await invokeAs(page, app, 'project_create', { profileId, project: { title: 'Typed notes' } });
  const { run } = await invokeAs(page, app, 'run_create', { profileId, projectId: typed.id });
  const { transcriptId } = await invokeAs(page, app, 'transcript_save', { profileId, language: 'en', text: TAKES[5] });
  await invokeAs(page, app, 'run_set_transcript', { profileId, runId: run.id, transcriptId });
  await invokeAs(page, app, 'run_analyze', { profileId, runId: run.id });
  await page.goto(`${app.origin}/progress`);
  await page.getByTestId('trend-talk').selectOption(typed.id);
  await expect(page.getByTestId('chart-score-point')).toHaveCount(1);
  await expect(page.getByTestId('chart-wpm-summary')).toHaveText('Needs recorded runs: typed text has no timing, so no value is shown.');
  await expect(page.getByTestId('chart-pitch-summary')).toHaveText('Needs runs recorded with your voice: typed text has no pitch to measure.');
  await expect(page.getByTestId('chart-target-summary')).toHaveText('Needs recorded runs: typed text has no timing, so no value is shown.');
});

function number(value: number, maximumFractionDigits: number): string {
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits }).format(value);
}

function monthOf(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(new Date(iso));
}
