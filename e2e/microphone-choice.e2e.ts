import { expect, test, type Page } from '@playwright/test';
import { invokeAs } from './support/invoke.js';
import { createProfileThroughPage } from './support/profile-through-page.js';
import { startApp, type RunningApp } from './support/lectern-app.js';
import { screenshotVariants } from './support/screenshots.js';

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp();
});

test.afterAll(async () => {
  await app.stop();
});

/**
 * Chromium's fake devices ("Fake Audio Input 1" and "2", with --use-fake-device-for-media-stream) cannot be
 * unplugged: the page's device list hides the names in window.unplugged, and the test fires devicechange, as the
 * browser does when a microphone goes away. The constraints of the last getUserMedia are kept to see which device
 * a take was recorded from.
 */
function fakeDeviceControls(): void {
  const w = globalThis as unknown as BrowserWindow;
  w.unplugged = [];
  const devices = w.navigator.mediaDevices;
  const enumerate = devices.enumerateDevices.bind(devices);
  devices.enumerateDevices = async () => (await enumerate()).filter((device) => !w.unplugged.includes(device.label));
  const getUserMedia = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (constraints) => {
    w.lastAudio = constraints?.audio ?? null;
    w.lastStream = await getUserMedia(constraints);
    return w.lastStream;
  };
}

/** The part of the page's window the test uses (the e2e code is type-checked without the DOM library). */
interface BrowserWindow {
  unplugged: string[];
  lastAudio: { deviceId?: unknown } | null;
  lastStream: { getAudioTracks(): { dispatchEvent(event: unknown): boolean }[] };
  Event: new (type: string) => unknown;
  navigator: {
    mediaDevices: {
      enumerateDevices(): Promise<{ kind: string; deviceId: string; label: string }[]>;
      getUserMedia(constraints?: { audio?: { deviceId?: unknown } }): Promise<BrowserWindow['lastStream']>;
      dispatchEvent(event: unknown): boolean;
    };
  };
}

function lastAudioDevice(): unknown {
  return (globalThis as unknown as BrowserWindow).lastAudio?.deviceId;
}

async function deviceIdOf(page: Page, label: string): Promise<string> {
  return page.evaluate(async (name) => {
    const devices = await (globalThis as unknown as BrowserWindow).navigator.mediaDevices.enumerateDevices();
    return devices.find((device) => device.kind === 'audioinput' && device.label === name)!.deviceId;
  }, label);
}

test('a speaker picks a microphone, checks its level, keeps it for this profile, and is told when it goes away', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(fakeDeviceControls);
  await page.goto(app.launchUrl);
  const profileId = await createProfileThroughPage(page, app, 'Hedy');
  const { project } = await invokeAs(page, app, 'project_create', { profileId, project: { title: 'Launch' } });
  await page.goto(`${app.origin}/record?projectId=${project.id}`);

  const choice = page.getByTestId('microphone-choice');
  await expect(choice.locator('option')).toHaveText(['System default', 'Fake Audio Input 1', 'Fake Audio Input 2']);
  await expect(choice).toHaveValue('');

  // The level before recording: the fake microphone's speech moves the meter; nothing is recorded.
  await page.getByTestId('microphone-check').click();
  const level = page.getByTestId('microphone-preview-level');
  await expect.poll(() => level.evaluate((meter) => Number(meter.getAttribute('value') ?? 0)), { timeout: 15_000 }).toBeGreaterThan(0.2);
  await page.getByTestId('microphone-check-stop').click();
  await expect(level).toHaveCount(0);

  // The choice is kept for this profile, and the take is recorded from that device.
  const second = await deviceIdOf(page, 'Fake Audio Input 2');
  await choice.selectOption({ label: 'Fake Audio Input 2' });
  await expect(page.getByText('This profile now records from “Fake Audio Input 2”.')).toBeVisible();
  await page.reload();
  await expect(choice).toHaveValue(second);
  await screenshotVariants(page, app, 'microphone', () => expect(page.getByTestId('microphone-choice')).toHaveValue(second));
  await page.getByTestId('record-start').click();
  await expect(page.getByTestId('record-timer')).toHaveText('0:01', { timeout: 15_000 });
  expect(await page.evaluate(lastAudioDevice)).toEqual({ exact: second });
  await page.getByTestId('record-stop').click();

  // The device goes away: a plain message, the picker falls back to the system default, and so does the next take.
  await page.goto(`${app.origin}/record?projectId=${project.id}`);
  await expect(choice).toHaveValue(second);
  await page.evaluate(() => {
    const w = globalThis as unknown as BrowserWindow;
    w.unplugged = ['Fake Audio Input 2'];
    w.navigator.mediaDevices.dispatchEvent(new w.Event('devicechange'));
  });
  await expect(page.getByTestId('microphone-missing')).toHaveText(
    'The microphone you chose, “Fake Audio Input 2”, is not connected. Lectern records from the system’s default microphone until you plug it back in or choose another.',
  );
  await expect(choice).toHaveValue('');
  await page.getByTestId('record-start').click();
  await expect(page.getByTestId('record-timer')).toHaveText('0:01', { timeout: 15_000 });
  expect(await page.evaluate(lastAudioDevice)).toBeUndefined();

  // The microphone goes away during a take: the page says so, and Stop keeps what was recorded.
  await page.evaluate(() => {
    const w = globalThis as unknown as BrowserWindow;
    for (const track of w.lastStream.getAudioTracks()) track.dispatchEvent(new w.Event('ended'));
  });
  await expect(page.getByTestId('record-device-lost')).toHaveText(
    'The microphone was disconnected during the take. Press Stop to keep what was recorded until then, then check your microphone.',
  );
  await page.getByTestId('record-stop').click();
  // The take was kept: it became a run of the talk, whose page follows its transcription.
  await expect(page).toHaveURL(new RegExp(`/talks/${project.id}/runs/run_[0-9a-f]{32}$`), { timeout: 30_000 });

  // Another profile has its own choice (none yet).
  const other = await invokeAs(page, app, 'profile_create', { name: 'Grace' });
  await invokeAs(page, app, 'profile_switch', { profileId: other.profile.id });
  const talk = await invokeAs(page, app, 'project_create', { profileId: other.profile.id, project: { title: 'Demo' } });
  await page.goto(`${app.origin}/record?projectId=${talk.project.id}`);
  await expect(choice.locator('option')).toHaveCount(3);
  await expect(choice).toHaveValue('');
  await expect(page.getByTestId('microphone-missing')).toHaveCount(0);
});
