import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { invokeAs } from './support/invoke.js';
import { startApp, type RunningApp } from './support/lectern-app.js';
import { createProfileThroughPage } from './support/profile-through-page.js';
import { OUTPUT_DIR, SCREENSHOTS_DIR } from './support/paths.js';
import { screenshotVariants } from './support/screenshots.js';

const SCRIPT = 'Good morning everyone. Today I will show you how we ship every day, and how we learn from every release.';

/** The audio element's members the test reads (the e2e files are compiled without the DOM library). */
interface Media {
  currentTime: number;
}

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp();
});

test.afterAll(async () => {
  await app.stop();
});

/** espeak speech with two seconds of silence before and after: a take with a slow start and a slow end. */
function paddedTake(): Buffer {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const raw = join(OUTPUT_DIR, 'trim-raw.wav');
  const padded = join(OUTPUT_DIR, 'trim-take.wav');
  execFileSync('espeak-ng', ['-v', 'en-us', '-s', '140', '-w', raw, SCRIPT]);
  execFileSync('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', padded, 'pad', '2', '2']);
  return readFileSync(padded);
}

/** The clock the page shows for a duration (formatClock: whole seconds, cut down). */
function clock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

async function valueOf(handle: Locator): Promise<number> {
  return Number(await handle.getAttribute('aria-valuenow'));
}

/** Drags a handle with the mouse to `share` of the waveform's width; answers the time that point stands for. */
async function dragTo(page: Page, handle: Locator, waveform: Locator, share: number, durationMs: number): Promise<number> {
  const from = (await handle.boundingBox())!;
  const box = (await waveform.boundingBox())!;
  const x = Math.round(box.x + box.width * share);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move((from.x + x) / 2, from.y + from.height / 2);
  await page.mouse.move(x, from.y + from.height / 2);
  await page.mouse.up();
  return Math.round(((x - box.x) / box.width) * durationMs);
}

test('trim a run: drag the handles, move them with the keys, preview, apply; the run is analysed again at its new length', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(app.launchUrl);
  const profileId = await createProfileThroughPage(page, app, 'Ada');
  const { project } = await invokeAs(page, app, 'project_create', { profileId, project: { title: 'Weekly demo' } });
  const staged = await page.request.post(`${app.origin}/api/upload/audio?profileId=${profileId}&stage=1`, {
    headers: { Origin: app.origin, 'Content-Type': 'audio/wav' },
    data: paddedTake(),
  });
  const { uploadId } = ((await staged.json()) as { result: { uploadId: string } }).result;
  const { run } = await invokeAs(page, app, 'run_record', { profileId, projectId: project.id, uploadId, engine: 'manual', scriptText: SCRIPT });
  const feedbackOf = async () => (await invokeAs(page, app, 'run_get', { profileId, runId: run.id })).run.feedbackId;
  await expect.poll(feedbackOf, { timeout: 60_000, intervals: [300] }).not.toBeNull();
  const firstFeedback = (await feedbackOf())!;
  const plan = await invokeAs(page, app, 'run_trim_get', { profileId, runId: run.id });

  await page.goto(`${app.origin}/feedback/${firstFeedback}`);
  await expect(page.getByTestId('feedback-duration')).toHaveText(clock(plan.durationMs));
  await page.getByTestId('feedback-trim').click();
  await expect(page).toHaveURL(new RegExp(`/talks/${project.id}/runs/${run.id}/trim$`));

  const start = page.getByTestId('trim-start');
  const end = page.getByTestId('trim-end');
  const waveform = page.getByTestId('trim-waveform');
  // The handles start on the suggested trim: around the speech, inside the two seconds of padding.
  expect(plan.suggestion).not.toBeNull();
  await expect(start).toHaveAttribute('aria-valuenow', String(plan.suggestion!.startMs));
  await expect(end).toHaveAttribute('aria-valuenow', String(plan.suggestion!.endMs));
  await expect(start).toHaveAttribute('role', 'slider');
  await screenshotVariants(page, app, 'trim', () => expect(page.getByTestId('trim-start')).toBeVisible());

  // Mouse: the start handle to 10 % of the waveform, the end handle to 75 %.
  const draggedStart = await dragTo(page, start, waveform, 0.1, plan.durationMs);
  await expect(start).toHaveAttribute('aria-valuenow', String(draggedStart));
  const draggedEnd = await dragTo(page, end, waveform, 0.75, plan.durationMs);
  await expect(end).toHaveAttribute('aria-valuenow', String(draggedEnd));

  // Keys: three tenths later for the start, a second earlier for the end.
  await start.focus();
  for (let press = 0; press < 3; press += 1) await page.keyboard.press('ArrowRight');
  await expect(start).toHaveAttribute('aria-valuenow', String(draggedStart + 300));
  await end.focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(end).toHaveAttribute('aria-valuenow', String(draggedEnd - 1000));
  const startMs = await valueOf(start);
  const endMs = await valueOf(end);
  const keptSeconds = Math.floor((endMs - startMs) / 100) / 10;
  await expect(page.getByTestId('trim-kept')).toContainText(`(${keptSeconds} seconds)`);
  await expect(start).toHaveAttribute('aria-valuetext', `0:0${Math.floor(startMs / 1000)}.${Math.floor((startMs % 1000) / 100)}`);

  // The preview plays the kept part only and stops at the end handle.
  await page.getByTestId('trim-preview').click();
  await expect(page.getByTestId('trim-preview')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('trim-preview')).toHaveAttribute('aria-pressed', 'false', { timeout: 20_000 });
  const stoppedAt = await page.getByTestId('trim-audio').evaluate((audio) => (audio as unknown as Media).currentTime * 1000);
  expect(stoppedAt).toBeGreaterThanOrEqual(endMs - 1);
  expect(stoppedAt).toBeLessThan(endMs + 500);

  // Apply asks first; keeping the original changes nothing.
  await page.getByTestId('trim-apply').click();
  await expect(page.getByTestId('trim-dialog')).toBeVisible();
  await expect(page.getByTestId('trim-dialog')).toContainText('This cannot be undone.');
  // The safe answer has focus, so a stray Enter keeps the original; closing gives focus back to Apply.
  await expect(page.getByTestId('trim-keep-original')).toBeFocused();
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'trim-confirm.png') });
  await page.getByTestId('trim-keep-original').click();
  await expect(page.getByTestId('trim-dialog')).toBeHidden();
  await expect(page.getByTestId('trim-apply')).toBeFocused();
  expect(await feedbackOf()).toBe(firstFeedback);

  await page.getByTestId('trim-apply').click();
  await page.getByTestId('trim-confirm').click();
  await expect(page).toHaveURL(/\/feedback\/fb_[0-9a-f]{32}$/, { timeout: 60_000 });
  const newFeedback = new URL(page.url()).pathname.split('/').pop();
  expect(newFeedback).not.toBe(firstFeedback);
  await expect(page.getByTestId('feedback-duration')).toHaveText(clock(endMs - startMs));
  await expect(page.getByTestId('feedback-score')).toBeVisible();
  const trimmed = await invokeAs(page, app, 'run_trim_get', { profileId, runId: run.id });
  expect(trimmed.durationMs).toBe(endMs - startMs);
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'trim-after.png'), fullPage: true });
});
