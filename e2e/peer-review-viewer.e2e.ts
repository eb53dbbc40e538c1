import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readZipSafely } from '../src/platform/zip/zip-reader.js';
import { FAKE_MIC_WAV, OUTPUT_DIR, SCREENSHOTS_DIR } from './support/paths.js';
import { invokeAs } from './support/invoke.js';
import { createProfileThroughPage } from './support/profile-through-page.js';
import { startApp, type RunningApp } from './support/lectern-app.js';
import { NARROW_VIEWPORT } from './support/screenshots.js';

let app: RunningApp;

test.beforeAll(async () => {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  mkdirSync(OUTPUT_DIR, { recursive: true });
  app = await startApp();
});

test.afterAll(async () => {
  await app.stop();
});

/** Unzips a pack the way a reviewer does, into a folder of its own; answers the viewer page's path. */
function unzipPack(zip: Buffer, folder: string): string {
  for (const entry of readZipSafely(zip).entries) {
    const path = join(folder, entry.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, entry.data);
  }
  return join(folder, 'viewer', 'index.html');
}

test('the pack viewer, opened from file://, saves a review file that imports onto the original run, once', async ({ page, context, browser }) => {
  test.setTimeout(180_000);
  await page.goto(app.launchUrl);
  const profileId = await createProfileThroughPage(page, app, 'Lin');

  // A run with a recording and a transcript, made through the API as the pages would.
  const { project } = await invokeAs(page, app, 'project_create', { profileId, project: { title: 'Shipping every week' } });
  const { run } = await invokeAs(page, app, 'run_create', { profileId, projectId: project.id });
  const upload = await page.request.post(`${app.origin}/api/upload/audio?profileId=${profileId}`, {
    headers: { Origin: app.origin, 'Content-Type': 'audio/wav' },
    data: readFileSync(FAKE_MIC_WAV),
  });
  const { audioArtifactId } = ((await upload.json()) as { result: { audioArtifactId: string } }).result;
  await invokeAs(page, app, 'run_attach_audio', { profileId, runId: run.id, audioArtifactId });
  const { transcriptId } = await invokeAs(page, app, 'transcript_save', {
    profileId,
    language: 'en',
    text: 'We ship every week because small changes are easy to review.\nSo today I will show you how we do it.',
  });
  await invokeAs(page, app, 'run_set_transcript', { profileId, runId: run.id, transcriptId });
  const { feedbackId } = await invokeAs(page, app, 'run_analyze', { profileId, runId: run.id });

  // The speaker downloads the pack; the reviewer unzips it and opens viewer/index.html from disk.
  await page.goto(`${app.origin}/talks/${project.id}`);
  const [packDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('run-pack-export').click()]);
  const zipPath = join(OUTPUT_DIR, 'viewer-pack.zip');
  await packDownload.saveAs(zipPath);
  const viewerPath = unzipPack(readFileSync(zipPath), join(OUTPUT_DIR, 'viewer-pack'));

  const viewer = await context.newPage();
  const blocked: string[] = [];
  viewer.on('console', (message) => {
    if (message.type() === 'error') blocked.push(message.text());
  });
  viewer.on('request', (request) => {
    if (!request.url().startsWith('file://') && !request.url().startsWith('blob:')) blocked.push(`network: ${request.url()}`);
  });
  await viewer.goto(pathToFileURL(viewerPath).href);
  await expect(viewer.getByRole('heading', { level: 1 })).toHaveText('Shipping every week');
  await expect(viewer.locator('#transcript li')).toHaveCount(2);
  // The recording, a sibling file of the unzipped pack, loads from file://.
  await expect.poll(() => viewer.locator('#audio').evaluate((audio) => (audio as unknown as { duration: number }).duration)).toBeGreaterThan(1);

  // Saving before scoring every item is refused in words, on the page.
  await viewer.getByTestId('viewer-save').click();
  await expect(viewer.locator('#status')).toHaveText('Give every item a score from 1 to 5 first.');

  const scores = { clarity: 4, structure: 5, pacing: 2, audience_fit: 4, examples: 3 };
  for (const [item, score] of Object.entries(scores)) await viewer.getByTestId(`score-${item}-${score}`).check();
  // A click in the middle of the timeline places a timed comment at half the recording.
  const duration = await viewer.locator('#audio').evaluate((audio) => Math.round((audio as unknown as { duration: number }).duration * 1000));
  const timeline = viewer.getByTestId('viewer-timeline');
  const box = (await timeline.boundingBox())!;
  await timeline.click({ position: { x: box.width / 2, y: box.height / 2 } });
  await expect(viewer.getByTestId('viewer-comment')).toHaveCount(1);
  await viewer.getByTestId('viewer-comment').locator('textarea').fill('Pause before the demo.');
  await viewer.locator('#strengths').fill('A clear opening story.');
  await viewer.locator('#improvements').fill('Slow down in the middle part.');
  await viewer.locator('#name').fill('Margaret');
  await viewer.screenshot({ path: join(SCREENSHOTS_DIR, 'pack-viewer-light.png'), fullPage: true });
  await viewer.emulateMedia({ colorScheme: 'dark' });
  await viewer.screenshot({ path: join(SCREENSHOTS_DIR, 'pack-viewer-dark.png'), fullPage: true });
  await viewer.emulateMedia({ colorScheme: 'light' });
  const wide = viewer.viewportSize()!;
  await viewer.setViewportSize(NARROW_VIEWPORT);
  await viewer.screenshot({ path: join(SCREENSHOTS_DIR, 'pack-viewer-390.png'), fullPage: true });
  await viewer.setViewportSize(wide);
  const [reviewDownload] = await Promise.all([viewer.waitForEvent('download'), viewer.getByTestId('viewer-save').click()]);
  expect(reviewDownload.suggestedFilename()).toBe('lectern-review-talk-1-shipping-every-week.json');
  await expect(viewer.locator('#status')).toContainText('lectern-review-talk-1-shipping-every-week.json');
  const reviewPath = join(OUTPUT_DIR, 'saved-review.json');
  await reviewDownload.saveAs(reviewPath);
  const saved = JSON.parse(readFileSync(reviewPath, 'utf8'));
  expect(saved.run_id).toBe(run.id);
  expect(saved.review.scores).toEqual(scores);
  const commentAt = saved.review.timestamps[0].t_ms as number;
  expect(Math.abs(commentAt - duration / 2)).toBeLessThan(duration / 50);
  expect(blocked).toEqual([]);
  await viewer.close();

  // A French reviewer's browser shows the form in French.
  const french = await browser.newContext({ locale: 'fr-FR' });
  const frenchViewer = await french.newPage();
  await frenchViewer.goto(pathToFileURL(viewerPath).href);
  await expect(frenchViewer.getByTestId('viewer-save')).toHaveText('Enregistrer ma relecture');
  await expect(frenchViewer.locator('html')).toHaveAttribute('lang', 'fr');
  await frenchViewer.screenshot({ path: join(SCREENSHOTS_DIR, 'pack-viewer-fr.png'), fullPage: true });
  await french.close();

  // The speaker imports the review file: it lands on the original run, and a second import changes nothing.
  await page.goto(`${app.origin}/packs`);
  await page.getByTestId('pack-file').setInputFiles(reviewPath);
  await expect(page.getByTestId('pack-imported')).toContainText('The review is now on the run it is about.');
  await page.getByTestId('pack-file').setInputFiles(reviewPath);
  await expect(page.getByTestId('pack-imported')).toContainText('This review was already imported: nothing changed.');
  const { projects } = await invokeAs(page, app, 'project_list', { profileId });
  expect(projects).toHaveLength(1);
  const { reviews } = await invokeAs(page, app, 'peer_review_list', { profileId, projectId: project.id });
  expect(reviews.map((review) => review.runId)).toEqual([run.id]);

  // The run's review page shows it, its timed comment plays the recording from that moment.
  await page.goto(`${app.origin}/feedback/${feedbackId}`);
  const section = page.getByTestId('run-peer-reviews');
  await expect(section.getByTestId('peer-review-row')).toHaveCount(1);
  await expect(section.getByTestId('peer-review-row')).toContainText('Margaret');
  await section.getByTestId('peer-review-open').click();
  await expect(section.getByTestId('peer-review-remarks')).toContainText('Pause before the demo.');
  // Its time is a "Play from" button. (Where playback then starts is the audio route's business: it serves no byte
  // ranges yet, so Chromium cannot seek in it, for the feedback's own timed comments too.)
  const seconds = Math.floor(commentAt / 1000);
  const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  await expect(section.getByTestId('peer-review-remark-seek')).toHaveAccessibleName(`Play from ${clock}`);
  await section.screenshot({ path: join(SCREENSHOTS_DIR, 'run-peer-reviews.png') });
});
