import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { postBytes, smallSpeechWav, stagingEntries, startAppWithProfile, waitUntil } from '../support/app-with-profile.js';
import { logLines, waitForLogLine } from '../support/app-log.js';
import { http } from '../support/http.js';
import { openRaw, requestHead } from '../support/raw-http.js';

/**
 * The upload routes of the real `lectern start` refuse early and keep nothing: every refusal leaves `staging/` empty,
 * a client that goes away mid-upload is an aborted upload (not an internal error), and a declared size over the cap is
 * answered 413 before a byte is read, `Expect: 100-continue` included.
 */

const TIMEOUT = { timeout: 120_000 };

describe('upload routes', () => {
  test('every refusal of the upload routes leaves staging/ empty', TIMEOUT, async () => {
    const { app, dataDir, profileId } = await startAppWithProfile();
    const wav = smallSpeechWav();
    const refusals: Array<{ what: string; send: () => Promise<{ status: number; body: string }>; status: number; code: string }> = [
      { what: 'malformed profile id', send: () => postBytes(app, '/api/upload/audio?profileId=prof_nope', wav), status: 422, code: 'profile_id_invalid' },
      { what: 'no profile id', send: () => postBytes(app, '/api/upload/audio', wav), status: 422, code: 'profile_id_invalid' },
      { what: 'unknown profile', send: () => postBytes(app, `/api/upload/audio?profileId=prof_${'0'.repeat(32)}`, wav), status: 404, code: 'profile_not_found' },
      { what: 'not a WAV', send: () => postBytes(app, `/api/upload/audio?profileId=${profileId}`, Buffer.from('this is not a wav file')), status: 422, code: 'audio_format_unsupported' },
      { what: 'a cut WAV', send: () => postBytes(app, `/api/upload/audio?profileId=${profileId}`, wav.subarray(0, 2000)), status: 422, code: 'audio_truncated' },
      { what: 'audio from another site', send: () => postBytes(app, `/api/upload/audio?profileId=${profileId}`, wav, { origin: 'http://evil.example' }), status: 403, code: 'cross_site_refused' },
      { what: 'audio without a session', send: () => http(app.port, { method: 'POST', path: `/api/upload/audio?profileId=${profileId}`, headers: { origin: app.origin }, body: wav }), status: 401, code: 'session_required' },
      { what: 'a pack from another site', send: () => postBytes(app, '/api/upload/pack', wav, { origin: 'http://evil.example' }), status: 403, code: 'cross_site_refused' },
      { what: 'a pack without a session', send: () => http(app.port, { method: 'POST', path: '/api/upload/pack', headers: { origin: app.origin }, body: wav }), status: 401, code: 'session_required' },
    ];
    for (const refusal of refusals) {
      const answer = await refusal.send();
      assert.deepEqual([answer.status, JSON.parse(answer.body).error.code], [refusal.status, refusal.code], refusal.what);
      assert.deepEqual(stagingEntries(dataDir), [], `${refusal.what}: staging/ is empty when the answer arrives`);
    }
    for (const route of [`/api/upload/audio?profileId=${profileId}`, '/api/upload/pack']) {
      const raw = openRaw(app.port, requestHead('POST', route, { host: `127.0.0.1:${app.port}`, cookie: app.cookie, origin: app.origin, 'content-length': 400 * 1024 * 1024 }));
      assert.match(await raw.waitFor((text) => text.includes('\r\n\r\n')), /^HTTP\/1\.1 413 /);
      raw.socket.destroy();
      assert.deepEqual(stagingEntries(dataDir), [], `${route}: an oversized Content-Length stages nothing`);
    }
    const accepted = await postBytes(app, `/api/upload/audio?profileId=${profileId}`, wav);
    assert.equal(accepted.status, 200, accepted.body);
    assert.deepEqual(stagingEntries(dataDir), [], 'an imported recording does not wait in staging either');
    assert.equal(await app.stop(), 0);
  });
  test('an upload and a file download are doors of the registry: the same payload gets the same answer as /api/invoke', TIMEOUT, async () => {
    const { app, dataDir } = await startAppWithProfile();
    const wav = smallSpeechWav();
    // A profile id the payload contract refuses (over 100 characters): the registry answers invalid_payload at every door.
    const tooLongId = `prof_${'0'.repeat(120)}`;
    const viaInvoke = await app.post('audio_import', { profileId: tooLongId, uploadId: `upl_${'0'.repeat(32)}` });
    const viaUpload = await postBytes(app, `/api/upload/audio?profileId=${tooLongId}`, wav);
    assert.deepEqual([viaUpload.status, JSON.parse(viaUpload.body).error.code], [viaInvoke.status, viaInvoke.body.error?.code]);
    assert.equal(viaInvoke.body.error?.code, 'invalid_payload');
    assert.deepEqual(stagingEntries(dataDir), []);

    const bundle = await http(app.port, { path: '/api/support-bundle', headers: { cookie: app.cookie } });
    assert.equal(bundle.status, 200);
    assert.equal(bundle.headers['content-type'], 'application/zip');
    assert.equal(bundle.headers['content-disposition'], `attachment; filename="lectern-support-${new Date().toISOString().slice(0, 10)}.zip"`);
    assert.equal(bundle.body.slice(0, 2), 'PK');
    const asJson = await app.post('support_bundle_build', {});
    assert.deepEqual([asJson.status, asJson.body.error?.code], [404, 'command_unknown'], 'a file result is not sent as JSON');
    assert.equal(await app.stop(), 0);
  });
  test('a client that cancels its upload is logged as an aborted upload, and nothing stays staged', TIMEOUT, async () => {
    const { app, dataDir, profileId } = await startAppWithProfile();
    for (const route of [`/api/upload/audio?profileId=${profileId}`, '/api/upload/pack']) {
      const raw = openRaw(app.port, requestHead('POST', route, { host: `127.0.0.1:${app.port}`, cookie: app.cookie, origin: app.origin, 'content-length': 4 * 1024 * 1024 }));
      raw.socket.write(Buffer.alloc(512 * 1024, 7));
      await waitUntil(() => stagingEntries(dataDir).length === 1, 'the upload reaches staging/');
      raw.socket.destroy();
      const line = await waitForLogLine(dataDir, (l) => l.route === route.split('?')[0] && typeof l.code === 'string');
      assert.equal(line.code, 'upload_aborted', JSON.stringify(line));
      assert.deepEqual(stagingEntries(dataDir), []);
    }
    assert.equal(await app.stop(), 0);
    assert.deepEqual(logLines(dataDir).filter((l) => l.code === 'internal_error' || l.level === 50), []);
  });
  test('an oversized Content-Length is answered 413 before a byte is read, with or without Expect: 100-continue', TIMEOUT, async () => {
    const { app, dataDir, profileId } = await startAppWithProfile();
    const head = (path: string, length: number, extra: Record<string, string> = {}) =>
      requestHead('POST', path, { host: `127.0.0.1:${app.port}`, cookie: app.cookie, origin: app.origin, 'content-length': length, ...extra });
    const cases = [
      { path: `/api/upload/audio?profileId=${profileId}`, length: 301 * 1024 * 1024, code: 'upload_too_large' },
      { path: '/api/upload/pack', length: 301 * 1024 * 1024, code: 'upload_too_large' },
      { path: '/api/invoke/profile_create', length: 2 * 1024 * 1024, code: 'payload_too_large' },
    ];
    for (const expect of [{}, { expect: '100-continue' }] as Array<Record<string, string>>) {
      for (const { path, length, code } of cases) {
        const raw = openRaw(app.port, head(path, length, expect));
        const answer = await raw.waitFor((text) => /\r\n\r\n[\s\S]*\}/.test(text));
        assert.match(answer, /^HTTP\/1\.1 413 /, `${path} ${JSON.stringify(expect)}: the first thing the client hears is 413`);
        assert.equal(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).error.code, code);
        assert.deepEqual(stagingEntries(dataDir), []);
        raw.socket.destroy();
      }
    }
    const wav = smallSpeechWav();
    const raw = openRaw(app.port, head(`/api/upload/audio?profileId=${profileId}`, wav.length, { expect: '100-continue' }));
    assert.match(await raw.waitFor((text) => text.includes('\r\n\r\n')), /^HTTP\/1\.1 100 Continue\r\n\r\n$/);
    raw.socket.write(wav);
    assert.match(await raw.waitFor((text) => /\r\n\r\nHTTP\/1\.1 200 [\s\S]*\r\n\r\n[\s\S]*\}\}$/.test(text)), /"audioArtifactId":"art_[0-9a-f]{32}"/);
    raw.socket.destroy();
    assert.equal(await app.stop(), 0);
  });
});
