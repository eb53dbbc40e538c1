import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from './support/lectern-app.js';

let app: RunningApp;
test.beforeAll(async () => {
  app = await startApp();
});
test.afterAll(async () => {
  await app.stop();
});

/** PNG width and height from the IHDR chunk (bytes 16-23), to check each icon is the size the manifest says. */
function pngSize(bytes: Buffer): string {
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('Chromium reads the web app manifest without errors and finds nothing stopping installation; every icon is served at its size', async () => {
  // A profile on disk, as the app window has (--user-data-dir): an incognito context can never install an app.
  const profile = mkdtempSync(join(tmpdir(), 'lectern-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, { ...test.info().project.use.launchOptions, headless: true });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(app.launchUrl);
  await expect(page).toHaveTitle(/Lectern/);
  const cdp = await page.context().newCDPSession(page);
  const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[]; data?: string };
  expect(manifest.url).toBe(`${app.origin}/manifest.webmanifest`);
  expect(manifest.errors).toEqual([]);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
  expect(installabilityErrors.map((error) => error.errorId)).toEqual([]);

  const parsed = JSON.parse(manifest.data!) as { name: string; display: string; icons: { src: string; sizes: string; type: string }[] };
  expect([parsed.name, parsed.display]).toEqual(['Lectern', 'standalone']);
  for (const icon of parsed.icons) {
    const answer = await page.request.get(`${app.origin}${icon.src}`);
    expect([answer.status(), answer.headers()['content-type']]).toEqual([200, icon.type]);
    if (icon.type === 'image/png') expect(pngSize(await answer.body())).toBe(icon.sizes);
    else expect((await answer.text()).startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  }
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});
