import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { startServer, type RunningServer } from '../../src/app/server/server.js';
import { DataStore } from '../../src/platform/db/data-store.js';
import { openEventStream } from '../support/event-stream.js';
import { http } from '../support/http.js';
import { speak } from '../support/speech.js';
import { makeTempDir } from '../support/temp-dir.js';

async function launch(): Promise<{ running: RunningServer; cookie: string; origin: string; store: DataStore; dir: string }> {
  const dir = makeTempDir();
  const store = DataStore.open(join(dir, 'data'));
  const ui = join(dir, 'ui');
  mkdirSync(ui);
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>Lectern</title>');
  const running = await startServer({ store, staticDir: ui });
  after(async () => {
    await running.close();
    store.close();
  });
  const auth = await http(running.port, { path: new URL(running.launchUrl).pathname + new URL(running.launchUrl).search });
  const setCookie = String(auth.headers['set-cookie']);
  return { running, cookie: setCookie.split(';')[0]!, origin: running.origin, store, dir };
}

/** Every test ends within its timeout: a stream or a server that never answers fails the test instead of hanging the run. */
const TIMEOUT = { timeout: 60_000 };

describe('uploads', TIMEOUT, () => {
  test('oversized and malformed uploads are refused and leave no staging file behind', async () => {
    const dir = makeTempDir();
    const store = DataStore.open(join(dir, 'data'));
    const running = await startServer({ store, uploadMaxBytes: 1024 });
    after(async () => {
      await running.close();
      store.close();
    });
    const link = new URL(running.launchUrl);
    const cookie = String((await http(running.port, { path: link.pathname + link.search })).headers['set-cookie']).split(';')[0]!;
    const post = (path: string, body: Buffer) => http(running.port, { method: 'POST', path, headers: { cookie, origin: running.origin }, body });
    const profileId = JSON.parse((await post('/api/invoke/profile_create', Buffer.from('{"name":"Ada"}'))).body).result.profile.id;
    const tooBig = await post('/api/upload/pack', Buffer.alloc(4096, 1));
    assert.deepEqual([tooBig.status, JSON.parse(tooBig.body).error.code], [413, 'upload_too_large']);
    const notAudio = await post(`/api/upload/audio?profileId=${profileId}`, Buffer.from('this is not a wav file'));
    assert.deepEqual([notAudio.status, JSON.parse(notAudio.body).error.code], [422, 'audio_format_unsupported']);
    const staging = join(dir, 'data', 'staging');
    assert.deepEqual(existsSync(staging) ? readdirSync(staging) : [], []);
  });
});

describe('loopback server', TIMEOUT, () => {
  test('the launch token becomes an HttpOnly SameSite=Strict cookie once; a replayed or wrong token is refused', async () => {
    const dir = makeTempDir();
    const store = DataStore.open(dir);
    const running = await startServer({ store });
    after(async () => {
      await running.close();
      store.close();
    });
    const path = new URL(running.launchUrl).pathname + new URL(running.launchUrl).search;
    assert.equal((await http(running.port, { path: '/auth?token=wrong' })).status, 403);
    const first = await http(running.port, { path });
    assert.equal(first.status, 303);
    assert.match(String(first.headers['set-cookie']), /^lectern_session=[\w-]+; HttpOnly; SameSite=Strict; Path=\//);
    const replay = await http(running.port, { path });
    assert.equal(replay.status, 403);
    assert.equal(JSON.parse(replay.body).error.code, 'launch_token_invalid');
    assert.equal((running.server.address() as AddressInfo).address, '127.0.0.1', 'bound to loopback only');
  });

  test('a used launch link opened in a browser shows a page that says how to get a new one, never raw JSON', async () => {
    const { running, cookie } = await launch();
    const path = new URL(running.launchUrl).pathname + new URL(running.launchUrl).search;
    const page = await http(running.port, { path, headers: { accept: 'text/html,application/xhtml+xml' } });
    assert.equal(page.status, 403);
    assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
    assert.ok(page.body.includes('<code>lectern start</code>'), page.body);
    assert.ok(!page.body.includes('launch_token_invalid'), 'no raw code on the page');
    // The browser that spent the link (it still has its session) is simply taken back in.
    const signedIn = await http(running.port, { path, headers: { accept: 'text/html', cookie } });
    assert.deepEqual([signedIn.status, signedIn.headers.location], [303, '/']);
  });

  test('the API needs the session cookie; wrong Host headers (DNS rebinding) are refused; no CORS header is ever sent', async () => {
    const { running, cookie, origin } = await launch();
    const noCookie = await http(running.port, { method: 'POST', path: '/api/invoke/profile_list', headers: { origin, 'content-type': 'application/json' }, body: '{}' });
    assert.equal(noCookie.status, 401);
    for (const host of ['evil.example:80', `attacker.test:${running.port}`, `127.0.0.1:${running.port + 1}`, `127.0.0.1.nip.io:${running.port}`]) {
      const answer = await http(running.port, { method: 'POST', path: '/api/invoke/profile_list', headers: { host, cookie, origin }, body: '{}' });
      assert.equal(answer.status, 421, host);
    }
    const ok = await http(running.port, { method: 'POST', path: '/api/invoke/profile_list', headers: { cookie, origin }, body: '{}' });
    assert.equal(ok.status, 200);
    assert.deepEqual(JSON.parse(ok.body), { result: { profiles: [] } });
    for (const answer of [noCookie, ok]) assert.equal(answer.headers['access-control-allow-origin'], undefined);
  });

  test('state-changing requests need our Origin and same-origin Sec-Fetch-Site (CSRF)', async () => {
    const { running, cookie, origin } = await launch();
    const post = (headers: Record<string, string>) => http(running.port, { method: 'POST', path: '/api/invoke/profile_create', headers: { cookie, ...headers }, body: '{"name":"Ada"}' });
    assert.equal((await post({})).status, 403, 'no Origin');
    assert.equal((await post({ origin: 'http://evil.example' })).status, 403);
    assert.equal((await post({ origin: `http://localhost:${running.port + 1}` })).status, 403);
    assert.equal((await post({ origin, 'sec-fetch-site': 'cross-site' })).status, 403);
    const created = await post({ origin, 'sec-fetch-site': 'same-origin' });
    assert.equal(created.status, 200);
    assert.equal(JSON.parse(created.body).result.profile.name, 'Ada');
  });

  test('command errors keep their stable code; bodies over 1 MiB get 413', async () => {
    const { running, cookie, origin } = await launch();
    const call = (path: string, body: string) => http(running.port, { method: 'POST', path, headers: { cookie, origin }, body });
    const invalid = await call('/api/invoke/profile_create', '{"name":""}');
    assert.deepEqual([invalid.status, JSON.parse(invalid.body).error.code], [422, 'profile_name_invalid']);
    const unknown = await call('/api/invoke/no_such_command', '{}');
    assert.deepEqual([unknown.status, JSON.parse(unknown.body).error.code], [404, 'command_unknown']);
    const big = await call('/api/invoke/profile_create', JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }));
    assert.deepEqual([big.status, JSON.parse(big.body).error.code], [413, 'payload_too_large']);
    const garbled = await call('/api/invoke/profile_create', '{not json');
    assert.equal(JSON.parse(garbled.body).error.code, 'invalid_payload');
  });

  test('static files never leave the UI folder; downloads only take artifact ids', async () => {
    const { running, cookie } = await launch();
    const index = await http(running.port, { path: '/' });
    assert.equal(index.status, 200);
    assert.match(String(index.headers['content-security-policy']), /default-src 'none'/);
    assert.match(String(index.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(index.headers['x-frame-options'], 'DENY', 'the UI cannot be framed (clickjacking)');
    for (const path of ['/..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/a/%00/b']) {
      const answer = await http(running.port, { path });
      assert.ok(answer.status === 404 || !answer.body.includes('root:'), `${path}: ${answer.status}`);
      assert.equal(answer.body.includes('root:'), false);
    }
    const traversal = await http(running.port, { path: '/api/download/..%2f..%2fglobal.db?profileId=x', headers: { cookie } });
    assert.equal(traversal.status, 404);
  });

  test('a recording uploaded over HTTP, transcribed as a job, reports progress on the event stream', async () => {
    const { running, cookie, origin, dir } = await launch();
    const post = async (path: string, body: string | Buffer) => JSON.parse((await http(running.port, { method: 'POST', path, headers: { cookie, origin }, body })).body);
    const profileId = (await post('/api/invoke/profile_create', '{"name":"Ada"}')).result.profile.id;
    const wav = readFileSync(speak('Hello everyone, this is my talk.', dir));
    const imported = await post(`/api/upload/audio?profileId=${profileId}`, wav);
    assert.match(imported.result.audioArtifactId, /^art_[0-9a-f]{32}$/, JSON.stringify(imported));
    // Subscribe as a tab does and wait until the server says the stream is connected: no event can be missed.
    const stream = await openEventStream({ port: running.port, cookie });
    const { result } = await post('/api/invoke/transcribe_audio', JSON.stringify({ profileId, audioArtifactId: imported.result.audioArtifactId, engine: 'manual', scriptText: 'Hello everyone, this is my talk.' }));
    await stream.waitFor((text) => text.includes('event: settled'));
    stream.close();
    const settled = stream.text().split('\n\n').find((block) => block.startsWith('event: settled'))!;
    const job = JSON.parse(settled.slice(settled.indexOf('data: ') + 'data: '.length)) as { id: string; status: string };
    assert.deepEqual([job.id, job.status], [result.jobId, 'succeeded']);
    const download = await http(running.port, { path: `/api/download/${imported.result.audioArtifactId}?profileId=${profileId}`, headers: { cookie } });
    assert.equal(download.status, 200);
    assert.match(String(download.headers['content-disposition']), /^attachment; filename="art_[0-9a-f]{32}\.wav"$/);
    assert.equal(download.headers['accept-ranges'], 'bytes');
    assert.equal(download.headers['content-type'], 'audio/wav');
    const whole = download.bytes;

    // The audio element seeks with Range: only the bytes asked for come back, with where they lie in the file.
    const path = `/api/download/${imported.result.audioArtifactId}?profileId=${profileId}`;
    const part = await http(running.port, { path, headers: { cookie, range: 'bytes=1000-1999' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers['content-range'], `bytes 1000-1999/${whole.length}`);
    assert.equal(part.headers['content-length'], '1000');
    assert.deepEqual(part.bytes, whole.subarray(1000, 2000));
    const tail = await http(running.port, { path, headers: { cookie, range: 'bytes=-10' } });
    assert.equal(tail.status, 206);
    assert.deepEqual(tail.bytes, whole.subarray(whole.length - 10));

    const beyond = await http(running.port, { path, headers: { cookie, range: `bytes=${whole.length}-` } });
    assert.equal(beyond.status, 416);
    assert.equal(beyond.headers['content-range'], `bytes */${whole.length}`);
    assert.equal(JSON.parse(beyond.body).error.code, 'range_not_satisfiable');
  });
});
