import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { startAppProcess, type AppProcess } from '../support/app-process.js';
import { jobEvents, openEventStream } from '../support/event-stream.js';
import { http } from '../support/http.js';
import { makeTempDir } from '../support/temp-dir.js';
import { concat, mix, silence, speechBurst, whiteNoise } from '../platform/audio/synth.js';
import { encodeWav } from '../platform/audio/wav-forge.js';

/**
 * Importing a long recording through the real `lectern start`: the decoding, resampling and measuring run off the
 * event loop, as a job whose progress the event stream carries, so the app keeps answering meanwhile; a cancelled or
 * interrupted import keeps nothing.
 */

const TIMEOUT = { timeout: 180_000 };

/** Three minutes of 44.1 kHz stereo speech-like sound (about 32 MB): seconds of work for the import. */
function longStereoWav(): Buffer {
  const rate = 44_100;
  const phrase = concat(silence(400, rate), speechBurst(2200, { f0: 130, sampleRate: rate }), silence(900, rate), speechBurst(1500, { f0: 190, sampleRate: rate }), silence(1000, rate));
  const take = concat(...Array.from({ length: 30 }, () => phrase));
  const noisy = mix(take, whiteNoise((take.length / rate) * 1000, -60, { sampleRate: rate }));
  return encodeWav([noisy, noisy.map((x) => x * 0.7)], rate, { encoding: 'pcm', bits: 16 });
}

async function appWithProfile(): Promise<{ app: AppProcess; dataDir: string; profileId: string }> {
  const dataDir = makeTempDir();
  const app = await startAppProcess(dataDir);
  after(() => app.stop());
  const created = await app.post('profile_create', { name: 'Ada' });
  return { app, dataDir, profileId: (created.body.result as { profile: { id: string } }).profile.id };
}

function filesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe('importing a long recording', () => {
  const wav = longStereoWav();

  test('runs as a job with progress on /api/events while the app keeps answering', TIMEOUT, async () => {
    const { app, profileId } = await appWithProfile();
    const events = await openEventStream(app);
    const finished: string[] = [];
    const uploading = http(app.port, { method: 'POST', path: `/api/upload/audio?profileId=${profileId}`, headers: { cookie: app.cookie, origin: app.origin }, body: wav }).then((answer) => {
      finished.push('import');
      return answer;
    });
    await events.waitFor((text) => jobEvents(text).some((e) => e.event === 'progress' && e.job.kind === 'audio_import' && e.job.progress.percent > 5));
    const page = await http(app.port, { path: '/' });
    finished.push('page');
    const listed = await app.post('profile_list', {});
    finished.push('command');
    const imported = await uploading;
    assert.deepEqual(finished, ['page', 'command', 'import'], 'the page and the command were answered while the import ran');
    assert.equal(listed.status, 200);
    assert.notEqual(page.status, 0);
    assert.equal(imported.status, 200, imported.body);
    const result = JSON.parse(imported.body).result as { audioArtifactId: string; durationMs: number; pauses: number; longPauses: number };
    assert.equal(result.durationMs, 180_000);
    assert.deepEqual([result.pauses, result.longPauses], [59, 0], '30 gaps of 0.9 s inside the phrases, 29 of 1.0 + 0.4 s between them');
    await events.waitFor((text) => jobEvents(text).some((e) => e.event === 'settled' && e.job.kind === 'audio_import'));
    const mine = jobEvents(events.text()).filter((e) => e.job.kind === 'audio_import');
    const percents = mine.filter((e) => e.event === 'progress').map((e) => e.job.progress.percent);
    assert.ok(percents.every((p, i) => i === 0 || p >= percents[i - 1]!), `progress only goes forward: ${percents}`);
    assert.ok(new Set(percents).size >= 5, `progress is reported along the way: ${percents}`);
    assert.deepEqual(mine.at(-1), { event: 'settled', job: { ...mine.at(-1)!.job, status: 'succeeded', progress: { percent: 100, stage: 'done' }, error: null } });
    events.close();
    assert.equal(await app.stop(), 0);
  });

  test('a cancelled import saves nothing and leaves nothing staged', TIMEOUT, async () => {
    const { app, dataDir, profileId } = await appWithProfile();
    const events = await openEventStream(app);
    const uploading = http(app.port, { method: 'POST', path: `/api/upload/audio?profileId=${profileId}`, headers: { cookie: app.cookie, origin: app.origin }, body: wav });
    await events.waitFor((text) => jobEvents(text).some((e) => e.event === 'progress' && e.job.kind === 'audio_import'));
    const jobId = jobEvents(events.text()).find((e) => e.job.kind === 'audio_import')!.job.id;
    const cancelled = await app.post('job_cancel', { jobId });
    assert.equal(cancelled.status, 200);
    const answer = await uploading;
    assert.deepEqual([answer.status, JSON.parse(answer.body).error.code], [422, 'job_cancelled']);
    assert.deepEqual(filesIn(join(dataDir, 'staging')), []);
    assert.deepEqual(filesIn(join(dataDir, 'profiles', profileId, 'artifacts', 'audio')), []);
    events.close();
    assert.equal(await app.stop(), 0);
  });

  test('stopping Lectern during an import cancels it cleanly: nothing saved, nothing staged', TIMEOUT, async () => {
    const { app, dataDir, profileId } = await appWithProfile();
    const events = await openEventStream(app);
    void http(app.port, { method: 'POST', path: `/api/upload/audio?profileId=${profileId}`, headers: { cookie: app.cookie, origin: app.origin }, body: wav }).catch(() => null);
    await events.waitFor((text) => jobEvents(text).some((e) => e.event === 'progress' && e.job.kind === 'audio_import'));
    assert.equal(await app.stop(), 0);
    assert.deepEqual(filesIn(join(dataDir, 'staging')), []);
    assert.deepEqual(filesIn(join(dataDir, 'profiles', profileId, 'artifacts', 'audio')), []);
  });
});
