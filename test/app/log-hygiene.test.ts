import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { filesUnder, startAppWithProfile } from '../support/app-with-profile.js';
import { logLines } from '../support/app-log.js';
import { REPO_ROOT } from '../support/cli.js';
import { http } from '../support/http.js';

/**
 * A hostile web page's requests (about 15 kB paths, wrong Hosts, no session) against the real `lectern start`: the log
 * records route patterns and statuses only, so nothing a page sends reaches the disk, and its lines stay short.
 */

const TIMEOUT = { timeout: 120_000 };

describe('the request log', () => {
  test('the log records route patterns and statuses, never what a page sends; lines stay short', TIMEOUT, async () => {
    const { app, dataDir } = await startAppWithProfile();
    const canary = `PAGE-CANARY-${randomBytes(6).toString('hex')}`;
    const longPath = `/${`${canary}/`.repeat(Math.ceil(15_000 / (canary.length + 1)))}`;
    const hostile: Array<() => Promise<unknown>> = [];
    for (let index = 0; index < 75; index += 1) {
      hostile.push(
        () => http(app.port, { path: longPath, headers: { host: `evil.example:${app.port}`, 'user-agent': canary } }),
        () => http(app.port, { method: 'POST', path: `/api/invoke/${canary}${longPath}`, headers: { cookie: app.cookie, origin: app.origin, referer: canary }, body: '{}' }),
        () => http(app.port, { path: `/api/download/${canary}${longPath}?profileId=${canary}` }),
        () => http(app.port, { path: `${longPath}?token=${canary}` }),
      );
    }
    for (let index = 0; index < hostile.length; index += 10) await Promise.all(hostile.slice(index, index + 10).map((send) => send()));
    assert.equal(await app.stop(), 0);

    for (const file of filesUnder(dataDir)) assert.equal(readFileSync(file, 'latin1').includes(canary), false, `${file} holds what the page sent`);
    const uiBuilt = existsSync(join(REPO_ROOT, 'ui/dist/index.html'));
    const tally: Record<string, number> = {};
    for (const line of logLines(dataDir).filter((l) => l.msg === 'request')) {
      const key = `${line.method} ${line.route} ${line.status}`;
      tally[key] = (tally[key] ?? 0) + 1;
    }
    assert.deepEqual(tally, {
      'GET /auth 303': 1,
      'POST /api/invoke/:command 200': 1,
      'GET /* 421': 75,
      'POST /api/invoke/:command 404': 75,
      'GET /api/download/:artifactId 401': 75,
      [`GET /* ${uiBuilt ? 200 : 404}`]: 75,
    });
    const logText = readFileSync(join(dataDir, 'logs', 'lectern.log'), 'utf8');
    const longest = Math.max(...logText.split('\n').map((line) => Buffer.byteLength(line)));
    assert.ok(longest < 300, `the longest log line is ${longest} bytes`);
  });
});
