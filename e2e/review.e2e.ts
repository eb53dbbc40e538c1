import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { invokeAs } from './support/invoke.js';
import { startApp, type RunningApp } from './support/lectern-app.js';
import { OUTPUT_DIR } from './support/paths.js';
import { screenshotVariants } from './support/screenshots.js';

const LIBRIVOX = '/usr/share/pocketsphinx/test/data/librivox';

/** The audio element's members the test reads (the e2e files are compiled without the DOM library). */
interface Media {
  readyState: number;
  currentTime: number;
  duration: number;
  dataset: Record<string, string | undefined>;
  pause(): void;
  addEventListener(type: 'seeked', listener: () => void, options: { once: boolean }): void;
}

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp();
});

test.afterAll(async () => {
  await app.stop();
});

/** The five LibriVox clips as one 16 kHz take, and their reference text (the speaker's script). */
function librivoxTake(): { wav: Buffer; script: string } {
  const lines = readFileSync(join(LIBRIVOX, 'transcription'), 'utf8').trim().split('\n');
  const ids = lines.map((line) => /\(([^)]+)\)$/.exec(line.trim())![1]!);
  const path = join(OUTPUT_DIR, 'review-take.wav');
  execFileSync('sox', [...ids.map((id) => join(LIBRIVOX, `${id}.wav`)), path, 'pad', '1', '1']);
  return { wav: readFileSync(path), script: lines.map((line) => line.replace(/^<s> | <\/s>.*$/g, '')).join('\n') };
}

test('the review page: waveform and transcript of a run; a word or the waveform seeks the audio there', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(app.launchUrl);
  await page.getByTestId('profile-name').fill('Ada');
  await page.getByTestId('profile-create').click();
  await expect(page.getByTestId('active-profile-name')).toHaveText('Ada');

  const { profiles } = await invokeAs(page, app, 'profile_list');
  const profileId = profiles[0]!.id;
  const { project } = await invokeAs(page, app, 'project_create', { profileId, project: { title: 'Sense and Sensibility' } });
  const { wav, script } = librivoxTake();
  const upload = await page.request.post(`${app.origin}/api/upload/audio?profileId=${profileId}`, { headers: { Origin: app.origin, 'Content-Type': 'audio/wav' }, data: wav });
  const { audioArtifactId } = ((await upload.json()) as { result: { audioArtifactId: string } }).result;
  const { run } = await invokeAs(page, app, 'run_create', { profileId, projectId: project.id });
  await invokeAs(page, app, 'run_attach_audio', { profileId, runId: run.id, audioArtifactId });
  const { jobId } = await invokeAs(page, app, 'transcribe_audio', { profileId, audioArtifactId, engine: 'script_alignment', scriptText: script });
  await expect
    .poll(async () => (await invokeAs(page, app, 'job_get', { jobId })).job.status, { timeout: 120_000, intervals: [500] })
    .toBe('succeeded');
  const { feedbackId } = await invokeAs(page, app, 'run_analyze', { profileId, runId: run.id });

  // The player asks for the recording by byte ranges, and gets them (206): that is what lets it seek.
  const audioStatuses: number[] = [];
  page.on('response', (response) => {
    if (response.url().includes(`/api/download/${audioArtifactId}`)) audioStatuses.push(response.status());
  });
  await page.goto(`${app.origin}/feedback/${feedbackId}`);
  const words = page.getByTestId('review-word');
  await expect(words).toHaveCount(71);
  await expect(page.getByTestId('review-waveform')).toBeVisible();
  await expect(page.getByTestId('review-legend')).toContainText('filler word');

  // Click a word in the middle of the take: the audio plays from its start (HTTP Range lets the player seek).
  const audio = page.getByTestId('feedback-audio');
  await expect.poll(() => audio.evaluate((el: Media) => el.readyState), { timeout: 10_000 }).toBeGreaterThan(0);
  // Where the next seek lands, read when it is done (the audio is paused there so the page stays still).
  const awaitSeek = async (): Promise<() => Promise<number>> => {
    await audio.evaluate((el: Media) => {
      delete el.dataset.seekedAt;
      el.addEventListener('seeked', () => { el.pause(); el.dataset.seekedAt = String(el.currentTime); }, { once: true });
    });
    return async () => {
      await expect(audio).toHaveAttribute('data-seeked-at', /\d/, { timeout: 10_000 });
      return Number(await audio.getAttribute('data-seeked-at'));
    };
  };
  const word = words.nth(40);
  const startMs = Number(await word.getAttribute('data-start-ms'));
  expect(startMs).toBeGreaterThan(10_000);
  const seekedToWord = await awaitSeek();
  await word.click();
  expect(Math.abs((await seekedToWord()) * 1000 - startMs)).toBeLessThan(300);
  await expect(word).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('[data-testid="review-word"][aria-current="true"]')).toHaveCount(1);

  // Click a quarter of the way along the waveform: the audio goes a quarter of the way into the take.
  const durationMs = await audio.evaluate((el: Media) => el.duration * 1000);
  const box = (await page.getByTestId('review-waveform').boundingBox())!;
  const seekedToQuarter = await awaitSeek();
  await page.mouse.click(box.x + box.width / 4, box.y + box.height / 2);
  expect(Math.abs((await seekedToQuarter()) * 1000 - durationMs / 4)).toBeLessThan(300);

  expect(audioStatuses.length).toBeGreaterThan(0);
  expect(audioStatuses.every((status) => status === 206)).toBe(true);

  await word.scrollIntoViewIfNeeded();
  await screenshotVariants(page, app, 'review', async () => {
    await expect(page.getByTestId('review-word')).toHaveCount(71);
  });

  // A second take of the same talk (its text laid over the recording), then the two compared from the run list.
  const second = await invokeAs(page, app, 'run_create', { profileId, projectId: project.id });
  const upload2 = await page.request.post(`${app.origin}/api/upload/audio?profileId=${profileId}`, { headers: { Origin: app.origin, 'Content-Type': 'audio/wav' }, data: wav });
  const audio2 = ((await upload2.json()) as { result: { audioArtifactId: string } }).result.audioArtifactId;
  await invokeAs(page, app, 'run_attach_audio', { profileId, runId: second.run.id, audioArtifactId: audio2 });
  const job2 = await invokeAs(page, app, 'transcribe_audio', { profileId, audioArtifactId: audio2, engine: 'manual', scriptText: `um ${script}` });
  await expect
    .poll(async () => (await invokeAs(page, app, 'job_get', { jobId: job2.jobId })).job.status, { timeout: 60_000, intervals: [500] })
    .toBe('succeeded');
  await invokeAs(page, app, 'run_analyze', { profileId, runId: second.run.id });

  await page.goto(`${app.origin}/talks/${project.id}`);
  await expect(page.getByTestId('run-numbers')).toHaveCount(2);
  await expect(page.getByTestId('run-numbers').first()).toContainText(/score \d+ · 0:\d\d · \d+ wpm/);
  await page.getByTestId('run-compare-pick').nth(0).check();
  await page.getByTestId('run-compare-pick').nth(1).check();
  await page.getByTestId('run-compare').click();
  await expect(page).toHaveURL(/\/compare\?a=fb_[0-9a-f]{32}&b=fb_[0-9a-f]{32}/);
  await expect(page.getByTestId('compare-table')).toBeVisible();
  await expect(page.getByTestId('compare-fillersPerMin')).toContainText('worse');
  await expect(page.getByTestId('feedback-audio')).toHaveCount(2);
  await screenshotVariants(page, app, 'compare', async () => {
    await expect(page.getByTestId('compare-table')).toBeVisible();
  });
});
