import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { invokeAs } from './support/invoke.js';
import { startApp, type RunningApp } from './support/lectern-app.js';
import { OUTPUT_DIR } from './support/paths.js';
import { screenshotVariants } from './support/screenshots.js';

const LIBRIVOX = '/usr/share/pocketsphinx/test/data/librivox';
const FEEDBACK_PAGE = /\/feedback\/fb_[0-9a-f]{32}$/;

/** The audio element's members the test reads (the e2e files are compiled without the DOM library). */
interface Media {
  readyState: number;
  currentTime: number;
  dataset: Record<string, string | undefined>;
  pause(): void;
  addEventListener(type: 'seeked', listener: () => void, options: { once: boolean }): void;
}

let app: RunningApp;
let page: Page;
let profileId: string;

test.describe.configure({ mode: 'serial' });

/** Two LibriVox clips (real read speech) as one take, and their reference text, lowercase words per clip. */
function librivoxTake(): { path: string; texts: string[] } {
  const lines = readFileSync(join(LIBRIVOX, 'transcription'), 'utf8').trim().split('\n').slice(1, 3);
  const ids = lines.map((line) => /\(([^)]+)\)$/.exec(line.trim())![1]!);
  const path = join(OUTPUT_DIR, 'script-take.wav');
  execFileSync('sox', [...ids.map((id) => join(LIBRIVOX, `${id}.wav`)), path, 'pad', '0.5', '0.5']);
  return { path, texts: lines.map((line) => line.replace(/^<s> | <\/s>.*$/g, '')) };
}

test.beforeAll(async ({ browser }) => {
  app = await startApp();
  page = await browser.newPage();
  await page.goto(app.launchUrl);
  const { profile } = await invokeAs(page, app, 'profile_create', { name: 'Ada' });
  profileId = profile.id;
});

test.afterAll(async () => {
  await page.close();
  await app.stop();
});

/** A talk with this outline; its Record page, "align with my outline" ticked, and the take given as a file. */
async function alignedRun(title: string, outline: string, takePath: string, screenshot?: string): Promise<void> {
  const { project } = await invokeAs(page, app, 'project_create', { profileId, project: { title } });
  await invokeAs(page, app, 'outline_set', { profileId, projectId: project.id, markdown: outline });
  await page.goto(`${app.origin}/record?projectId=${project.id}`);
  if (screenshot) {
    await screenshotVariants(page, app, screenshot, async () => {
      await expect(page.getByTestId('record-align-outline')).toBeVisible();
    });
  }
  await page.getByTestId('record-align-outline').check();
  await page.getByTestId('record-upload-file').setInputFiles(takePath);
  await page.getByTestId('record-upload-submit').click();
  await expect(page).toHaveURL(FEEDBACK_PAGE, { timeout: 120_000 });
}

/** Clicks a passage and returns where the audio went, in ms (paused there so the page stays still). */
async function seekedByClicking(target: ReturnType<Page['getByTestId']>): Promise<number> {
  const audio = page.getByTestId('feedback-audio');
  await expect.poll(() => audio.evaluate((el: Media) => el.readyState), { timeout: 10_000 }).toBeGreaterThan(0);
  await audio.evaluate((el: Media) => {
    delete el.dataset.seekedAt;
    el.addEventListener('seeked', () => { el.pause(); el.dataset.seekedAt = String(el.currentTime); }, { once: true });
  });
  await target.click();
  await expect(audio).toHaveAttribute('data-seeked-at', /\d/, { timeout: 10_000 });
  return Number(await audio.getAttribute('data-seeked-at')) * 1000;
}

test('a take that reads the script: its coverage, and the sentence left out, placed where it would have come', async () => {
  test.setTimeout(180_000);
  const { path, texts } = librivoxTake();
  // The speaker's outline has a sentence the take does not say.
  await alignedRun('Sense and Sensibility', `${texts[0]}.\n\nIn short he meant well.\n\n${texts[1]}.`, path, 'record-align-outline');

  const panel = page.getByTestId('script-adherence');
  // 22 of the script's 27 words said, in order.
  await expect(panel.getByTestId('script-coverage')).toHaveText('You said 81% of your script, in order.');
  await expect(panel.getByTestId('script-fell-back')).toHaveCount(0);
  await expect(panel.getByTestId('script-added')).toHaveCount(0);
  const skipped = panel.getByTestId('script-skipped');
  await expect(skipped).toHaveCount(1);
  await expect(skipped.getByTestId('script-passage-text')).toHaveText('in short he meant well');
  await expect(skipped).toContainText('would have come at 0:03');
  // The take, aligned with the script, reads back word for word.
  await expect(page.getByTestId('review-word')).toHaveText(`${texts[0]} ${texts[1]}`.split(' '));

  // It would have come right after "man": the recording plays from there.
  const seeked = await seekedByClicking(skipped.getByTestId('script-passage-seek'));
  expect(Math.abs(seeked - 3300)).toBeLessThan(300);

  await panel.scrollIntoViewIfNeeded();
  await screenshotVariants(page, app, 'script-adherence-reads', async () => {
    await expect(page.getByTestId('script-skipped')).toHaveCount(1);
  });
});

test('a take that departs from the script: the page says Lectern fell back to free recognition and lists both passages', async () => {
  test.setTimeout(180_000);
  const { path } = librivoxTake();
  await alignedRun('Quarterly results', 'Our quarterly results show strong growth in every region this year.', path);
  // The pipeline's end state says it in words, on the review page it opened.
  await expect(page.getByTestId('status-region')).toHaveText('Your feedback is ready. The take departed from your script, so Lectern recognised it freely.');

  const panel = page.getByTestId('script-adherence');
  await expect(panel.getByTestId('script-fell-back')).toHaveText(
    'This take departed from your script, so Lectern did not align it with the script: the transcript and the feedback on this page come from free recognition of what you said. 0% of your script was found in it.',
  );
  await expect(panel.getByTestId('script-coverage')).toHaveCount(0);
  const skipped = panel.getByTestId('script-skipped');
  await expect(skipped).toHaveCount(1);
  await expect(skipped.getByTestId('script-passage-text')).toHaveText('our quarterly results show strong growth in every region this year');
  await expect(skipped).toContainText('not placed: nothing around it was heard');
  await expect(skipped.getByTestId('script-passage-seek')).toHaveCount(0);
  // What was said instead: everything recognised freely, one passage from its first word.
  const added = panel.getByTestId('script-added');
  await expect(added).toHaveCount(1);
  await expect(added.getByTestId('script-passage-text')).toHaveText(ADDED_FREELY);
  await expect(page.getByTestId('review-word')).toHaveText(ADDED_FREELY.split(' '));
  const firstWordMs = Number(await page.getByTestId('review-word').first().getAttribute('data-start-ms'));
  const seeked = await seekedByClicking(added.getByTestId('script-passage-seek'));
  expect(Math.abs(seeked - firstWordMs)).toBeLessThan(300);

  await panel.scrollIntoViewIfNeeded();
  await screenshotVariants(page, app, 'script-adherence-departs', async () => {
    await expect(page.getByTestId('script-fell-back')).toBeVisible();
  });
});

/** What Debian's pocketsphinx recognises freely in the two clips ("he was not an ill disposed young man unless ..."). */
const ADDED_FREELY = 'he was not an illness those young man the last to be rather cold hearted and rather selfish is to be oldest those';
