import { expect, test, type Page } from '@playwright/test';
import { invokeAs } from './support/invoke.js';
import { createProfileThroughPage, skipFirstRunGuide } from './support/profile-through-page.js';
import { startApp, type RunningApp } from './support/lectern-app.js';
import { screenshotVariants } from './support/screenshots.js';

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp();
});

test.afterAll(async () => {
  await app.stop();
});

/** The part of an <audio> element the test drives (the e2e code is type-checked without the DOM library). */
interface MediaElement {
  play(): Promise<void>;
  pause(): void;
  currentTime: number;
}

async function recordMemo(page: Page, expectedCount: string): Promise<void> {
  await page.getByTestId('record-start').click();
  await expect(page.getByTestId('record-timer')).toHaveText('0:02', { timeout: 15_000 });
  await page.getByTestId('record-stop').click();
  await expect(page.getByTestId('memo-count')).toHaveText(expectedCount, { timeout: 30_000 });
}

test('a speaker records voice memos, plays, renames and deletes them, and turns one into a run of a talk', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto(app.launchUrl);
  const profileId = await createProfileThroughPage(page, app, 'Grace');
  const { project } = await invokeAs(page, app, 'project_create', {
    profileId,
    project: { title: 'Quarterly review' },
  });
  await skipFirstRunGuide(page, app, profileId);

  await page.getByTestId('nav-memos').click();
  await expect(page.getByTestId('memo-empty')).toHaveText('No memo yet. Record one above.');

  // Record: the memo is listed at once, named by its date, and kept in the profile's database.
  await recordMemo(page, '1 memo');
  await expect(page.getByTestId('memo-name')).toHaveText(/^Memo of /);
  let { memos } = await invokeAs(page, app, 'memo_list', { profileId });
  expect(memos).toHaveLength(1);
  const first = memos[0]!;

  // Play: the recording comes back from the server and plays.
  const audio = page.getByTestId('memo-audio').first();
  await audio.evaluate((element: MediaElement) => element.play());
  await expect.poll(() => audio.evaluate((element: MediaElement) => element.currentTime), { timeout: 10_000 }).toBeGreaterThan(0);
  await audio.evaluate((element: MediaElement) => element.pause());

  // Rename: a blank title is refused in plain words, a real one is kept across a reload.
  await page.getByTestId('memo-rename').click();
  await page.getByTestId('memo-rename-input').fill('   ');
  await page.getByTestId('memo-rename-save').click();
  await expect(page.getByTestId('memo-rename-error')).toHaveText('Enter a title.');
  await page.getByTestId('memo-rename-input').fill('Opening line');
  await page.getByTestId('memo-rename-save').click();
  await expect(page.getByTestId('memo-name')).toHaveText('Opening line');
  await page.reload();
  await expect(page.getByTestId('memo-name')).toHaveText('Opening line');

  // A second memo, newest first; deleting it asks first, then removes it and its recording.
  await recordMemo(page, '2 memos');
  await expect(page.getByTestId('memo-name').nth(1)).toHaveText('Opening line');
  ({ memos } = await invokeAs(page, app, 'memo_list', { profileId }));
  const second = memos[0]!;
  await page.getByTestId('memo-delete').first().click();
  await page.getByTestId('memo-delete-confirm').click();
  await expect(page.getByTestId('memo-count')).toHaveText('1 memo');
  const gone = await page.request.get(`${app.origin}/api/download/${second.audioArtifactId}?profileId=${profileId}`);
  expect(gone.status()).toBe(404);

  await screenshotVariants(page, app, 'memos', () => expect(page.getByTestId('memo-name')).toHaveText('Opening line'));

  // Make it a run: the memo leaves the list and the talk has a run with its recording.
  await page.getByTestId('memo-to-run').click();
  await expect(page.getByTestId('memo-to-run-talk')).toHaveValue(project.id);
  await page.getByTestId('memo-to-run-confirm').click();
  await expect(page.getByTestId('memo-empty')).toBeVisible();
  const { runs } = await invokeAs(page, app, 'run_list', { profileId, projectId: project.id });
  expect(runs.map((run) => run.audioArtifactId)).toEqual([first.audioArtifactId]);
});
