import { expect, test, type Page } from '@playwright/test';
import { invokeAs } from './support/invoke.js';
import { startApp, type RunningApp } from './support/lectern-app.js';

/**
 * Issue 13, item 19, with the keyboard only (focus, Tab, Enter, Space; never a click): after a route change, after
 * Stop and when the pipeline has finished, focus is on the new page's main heading; the active tab shows on every page,
 * nested ones included; and the strongest (primary) button of each step is its next action.
 */
let app: RunningApp;
let page: Page;
let projectId: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  app = await startApp();
  page = await browser.newPage();
  await page.goto(app.launchUrl);
  const { profile } = await invokeAs(page, app, 'profile_create', { name: 'Ada' });
  const { project } = await invokeAs(page, app, 'project_create', { profileId: profile.id, project: { title: 'Shipping every day' } });
  projectId = project.id;
});

test.afterAll(async () => {
  await page.close();
  await app.stop();
});

/** What has the focus: its tag, and its text when it is a heading. */
async function focused(): Promise<string> {
  return page.evaluate(() => {
    const element = (globalThis as unknown as { document: { activeElement: { tagName: string; textContent: string | null } | null } }).document.activeElement;
    return element ? `${element.tagName.toLowerCase()}: ${(element.textContent ?? '').trim().slice(0, 60)}` : 'none';
  });
}

/** Follows a link or presses a button the keyboard way: focus it (as Tab would), then Enter. */
async function activate(testId: string): Promise<void> {
  await page.getByTestId(testId).focus();
  await page.keyboard.press('Enter');
}

/** The visible primary buttons (and primary link-buttons) of the page, by their text. */
async function primaryActions(): Promise<string[]> {
  return (await page.locator('main .primary:visible').allTextContents()).map((text) => text.replace(/[●■]/g, '').trim());
}

test('every route change through the menu puts focus on the new page\'s main heading, and its tab shows as current', async () => {
  await page.goto(`${app.origin}/talks`);
  const tabs: Array<[string, string]> = [
    ['nav-training', 'Training'],
    ['nav-progress', 'Progress'],
    ['nav-memos', 'Memos'],
    ['nav-packs', 'Packs'],
    ['nav-settings', 'Settings'],
    ['nav-help', 'Help'],
    ['nav-talks', 'Talks'],
  ];
  for (const [testId, label] of tabs) {
    await activate(testId);
    await expect(page.getByTestId(testId)).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('header [aria-current="page"]')).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    expect(await focused(), label).toMatch(/^h1: /);
  }
});

test('nested pages show their section as current: a talk, its record page, a run, a comparison, a peer review, a quest and its feedback, About', async () => {
  const { profiles } = await invokeAs(page, app, 'profile_list');
  const profileId = profiles[0]!.id;
  const { run } = await invokeAs(page, app, 'run_create', { profileId, projectId });
  const { attempt } = await invokeAs(page, app, 'quest_submit_text', {
    profileId,
    projectId,
    questCode: 'A01',
    text: 'By the end they will know why we ship every day, and they can do it too.',
  });
  const quest = await invokeAs(page, app, 'analyze_attempt', { profileId, attemptId: attempt.id });
  const nested: Array<[string, string]> = [
    [`/talks/${projectId}`, 'nav-talks'],
    [`/talks/${projectId}/builder`, 'nav-talks'],
    [`/record?projectId=${projectId}`, 'nav-talks'],
    [`/talks/${projectId}/runs/${run.id}`, 'nav-talks'],
    ['/compare?a=fb_1&b=fb_2', 'nav-talks'],
    ['/reviews/pr_1', 'nav-talks'],
    ['/feedback', 'nav-talks'],
    ['/quest/P01', 'nav-training'],
    [`/feedback/${quest.feedbackId}`, 'nav-training'],
    [`/record?projectId=${projectId}&questCode=P01`, 'nav-training'],
    ['/about', 'nav-help'],
  ];
  for (const [path, testId] of nested) {
    await page.goto(`${app.origin}${path}`);
    await expect(page.getByTestId(testId), path).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('header [aria-current="page"]'), path).toHaveCount(1);
  }
});

test('Record with the keyboard: Start, then Stop is the primary action; after Stop and after the pipeline, focus is on each new page\'s heading', async () => {
  test.setTimeout(120_000);
  await page.goto(`${app.origin}/talks`);
  await page.getByRole('link', { name: 'Shipping every day' }).focus();
  await page.keyboard.press('Enter');
  // The talk's heading appears once the talk is loaded, and takes the focus then.
  await expect(page.getByTestId('talk-heading')).toBeFocused();
  // On the talk page the next action is to record a run (the forms below have their own Save).
  await expect(page.getByTestId('record-run')).toHaveClass(/\bprimary\b/);
  await activate('record-run');
  await expect(page).toHaveURL(/\/record\?projectId=/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  expect(await primaryActions()).toEqual(['Start recording']);

  await page.getByTestId('record-start').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('record-timer')).not.toHaveText('0:00', { timeout: 10_000 });
  // While recording, focus is on Stop and Stop is the strongest button.
  await expect(page.getByTestId('record-stop')).toBeFocused();
  expect(await primaryActions()).toEqual(['Stop']);
  await page.waitForTimeout(3000);
  await page.keyboard.press('Space');

  await expect(page).toHaveURL(/\/runs\/run_[0-9a-f]{32}$/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page).toHaveURL(/\/feedback\/fb_[0-9a-f]{32}$/, { timeout: 90_000 });
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByTestId('nav-talks')).toHaveAttribute('aria-current', 'page');
  // On the feedback the next action is to practise again.
  expect(await primaryActions()).toEqual(['Practice again']);
});
