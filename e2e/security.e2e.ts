import { expect, test } from '@playwright/test';
import { request as httpRequest } from 'node:http';
import { startApp, type RunningApp } from './support/lectern-app.js';

let app: RunningApp;
test.beforeAll(async () => {
  app = await startApp();
});
test.afterAll(async () => {
  await app.stop();
});

function raw(path: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<number> {
  const port = Number(new URL(app.origin).port);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

test('over real HTTP: wrong Host, missing token, cross-site Origin and path traversal are refused', async ({ page }) => {
  const port = new URL(app.origin).port;
  expect(await raw('/', { host: `evil.example:${port}` })).toBe(421);
  expect(await raw('/api/invoke/profile_list', { origin: app.origin }, 'POST', '{}')).toBe(401);
  await page.goto(app.launchUrl);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  expect(await raw('/api/invoke/profile_list', { cookie, origin: 'http://evil.example' }, 'POST', '{}')).toBe(403);
  expect(await raw('/api/invoke/profile_list', { cookie, origin: app.origin }, 'POST', '{}')).toBe(200);
  expect(await raw('/..%2f..%2f..%2fetc%2fpasswd', {})).toBe(404);
  expect(await raw('/api/download/..%2fglobal.db', { cookie })).toBe(404);
  const launchPath = new URL(app.launchUrl).pathname + new URL(app.launchUrl).search;
  expect(await raw(launchPath, {})).toBe(403); // a replay without the session: refused
  // A replay by the browser that spent it only takes it back in: no new session is issued.
  const replay = await page.request.get(app.launchUrl, { maxRedirects: 0 });
  expect(replay.status()).toBe(303);
  expect(replay.headers()['set-cookie']).toBeUndefined();
});
