import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startAppWithProfile } from '../support/app-with-profile.js';
import { http } from '../support/http.js';

/**
 * Cookies are shared by every port of 127.0.0.1, so another local page can plant a `lectern_session` cookie; the real
 * `lectern start` accepts a request when any presented session cookie is valid.
 */

const TIMEOUT = { timeout: 120_000 };

describe('the session cookie', () => {
  test('a lectern_session cookie planted by another page on 127.0.0.1 does not lock the user out', TIMEOUT, async () => {
    const { app } = await startAppWithProfile();
    const list = (cookie: string) => http(app.port, { method: 'POST', path: '/api/invoke/profile_list', headers: { cookie, origin: app.origin }, body: '{}' });
    const forged = `lectern_session=${'A'.repeat(43)}`;
    for (const cookie of [`lectern_session=x; ${app.cookie}`, `${app.cookie}; lectern_session=x`, `lectern_session=; ${forged}; ${app.cookie}`, `other=1; lectern_session=x; ${app.cookie}; z=2`]) {
      const answer = await list(cookie);
      assert.equal(answer.status, 200, cookie);
      assert.equal((JSON.parse(answer.body).result.profiles as unknown[]).length, 1);
    }
    for (const cookie of ['lectern_session=x', `${forged}; lectern_session=x`, '', `lectern_session=${app.cookie.split('=')[1]!.slice(0, -1)}`]) {
      assert.equal((await list(cookie)).status, 401, `${cookie}: no valid session, no access`);
    }
    assert.equal(await app.stop(), 0);
  });
});
