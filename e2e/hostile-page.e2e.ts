import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startApp, type RunningApp } from './support/lectern-app.js';

/**
 * A hostile page open in the user's Chromium, served on another port of 127.0.0.1 (so it shares Lectern's cookies):
 * it plants its own `lectern_session` cookie and floods Lectern with requests whose paths carry 15 kB of its own text.
 * The user's tab keeps working, and nothing the page sent reaches Lectern's disk.
 */
let app: RunningApp;
let hostile: Server;
let hostileOrigin: string;
const canary = `HOSTILE-PAGE-${randomBytes(6).toString('hex')}`;
const REQUESTS = 300;

test.beforeAll(async () => {
  app = await startApp();
  const longPath = `/${`${canary}/`.repeat(Math.ceil(15_000 / (canary.length + 1)))}`;
  const page = `<!doctype html><title>loading</title><script>
    const target = ${JSON.stringify(app.origin + longPath)};
    const sends = Array.from({ length: ${REQUESTS} }, (_, i) => fetch(target + '?n=' + i, { mode: 'no-cors', credentials: 'include' }).catch(() => null));
    Promise.all(sends).then(() => { document.title = 'done'; });
  </script>`;
  hostile = createServer((_request, response) => {
    // Path=/api makes the browser send the planted cookie before Lectern's own (longer paths first).
    response.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': 'lectern_session=planted; Path=/api' });
    response.end(page);
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', () => resolve()));
  hostileOrigin = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await app.stop();
  await new Promise<void>((resolve) => hostile.close(() => resolve()));
});

test('a hostile page on another 127.0.0.1 port can neither lock the user out nor write what it sends to disk', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto(app.launchUrl);
  await page.getByTestId('profile-name').fill('Ada');
  await page.getByTestId('profile-create').click();
  await expect(page.getByTestId('active-profile-name')).toHaveText('Ada');

  const attacker = await context.newPage();
  await attacker.goto(hostileOrigin);
  await expect(attacker).toHaveTitle('done', { timeout: 90_000 });
  const planted = (await context.cookies()).filter((cookie) => cookie.name === 'lectern_session' && cookie.domain === '127.0.0.1');
  expect(planted.map((cookie) => cookie.path).sort()).toEqual(['/', '/api']);

  await page.reload();
  await expect(page.getByTestId('active-profile-name')).toHaveText('Ada');
  await expect(page.getByText(/session has expired/)).toHaveCount(0);

  await app.stop();
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
  for (const file of files(app.dataDir)) expect(readFileSync(file, 'latin1').includes(canary), file).toBe(false);
  const logBytes = files(join(app.dataDir, 'logs')).reduce((sum, file) => sum + statSync(file).size, 0);
  expect(logBytes, 'about one short line per request').toBeLessThan((REQUESTS + 50) * 300);
});
