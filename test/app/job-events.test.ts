import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { postBytes, smallSpeechWav, startAppWithProfile } from '../support/app-with-profile.js';
import { openEventStream } from '../support/event-stream.js';

/**
 * Job events (`GET /api/events`) on the real `lectern start`: any number of tabs share one subscription to the jobs.
 */

const TIMEOUT = { timeout: 120_000 };

describe('job events', () => {
  test('a dozen open tabs follow jobs on /api/events: every tab gets the events, no MaxListenersExceededWarning', TIMEOUT, async () => {
    const { app, profileId } = await startAppWithProfile();
    const tabs = await Promise.all(Array.from({ length: 12 }, () => openEventStream(app)));
    const imported = JSON.parse((await postBytes(app, `/api/upload/audio?profileId=${profileId}`, smallSpeechWav())).body).result as { audioArtifactId: string };
    const started = await app.post('transcribe_audio', { profileId, audioArtifactId: imported.audioArtifactId, engine: 'manual', scriptText: 'one two three four' });
    const jobId = (started.body.result as { jobId: string }).jobId;
    await Promise.all(tabs.map((tab) => tab.waitFor((text) => text.includes('event: settled') && text.includes(jobId))));
    for (const tab of tabs) tab.close();
    const more = await Promise.all(Array.from({ length: 12 }, () => openEventStream(app)));
    for (const tab of more) tab.close();
    assert.equal((await app.post('profile_list', {})).status, 200);
    assert.equal(await app.stop(), 0);
    assert.equal(app.stderr().includes('MaxListenersExceededWarning'), false, app.stderr());
  });
});
