import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { stageUpload } from '../../src/core/exchange/index.js';
import { floatToPcm16 } from '../../src/platform/audio/pcm16.js';
import { writeWavPcm16 } from '../../src/platform/audio/wav-writer.js';
import { DataStore } from '../../src/platform/db/data-store.js';
import { readZipSafely } from '../../src/platform/zip/zip-reader.js';
import { SCREENSHOTS_DIR } from '../../e2e/support/paths.js';
import { invokeOk } from '../support/invoke.js';
import { makeTempDir } from '../support/temp-dir.js';

/** Debian's Firefox ESR (.ci/run installs it); Playwright cannot drive it, Puppeteer can over WebDriver BiDi (decision 0016). */
const FIREFOX = '/usr/bin/firefox-esr';

/** 3 s of a 200 Hz tone: a recording the viewer can load and place a comment on. */
function toneWav(): Buffer {
  const samples = new Float32Array(48_000);
  for (let n = 0; n < samples.length; n += 1) samples[n] = 0.3 * Math.sin((2 * Math.PI * 200 * n) / 16_000);
  return writeWavPcm16(floatToPcm16(samples), 16_000);
}

/** Unzips a pack the way a reviewer does; answers the viewer page's path. */
function unzipPack(zip: Buffer, folder: string): string {
  for (const entry of readZipSafely(zip).entries) {
    const path = join(folder, entry.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, entry.data);
  }
  return join(folder, 'viewer', 'index.html');
}

async function downloadedFile(folder: string, name: string): Promise<Buffer> {
  const path = join(folder, name);
  for (let tries = 0; tries < 100 && !existsSync(path); tries += 1) await sleep(100);
  assert.deepEqual(readdirSync(folder), [name], 'the review file, and nothing half-written, is in the downloads folder');
  return readFileSync(path);
}

describe('the pack viewer in Firefox', { timeout: 120_000 }, () => {
  let browser: Browser | null = null;
  after(async () => {
    await browser?.close();
  });

  test('opened from file://, it plays the recording, places a timed comment and saves a review file that imports onto the run, once', async () => {
    const store = DataStore.open(makeTempDir(), { appVersion: 'test' });
    after(() => store.close());
    const { profile } = await invokeOk(store, 'profile_create', { name: 'Lin' });
    const profileId = profile.id;
    const { project } = await invokeOk(store, 'project_create', { profileId, project: { title: 'Shipping every week' } });
    const { run } = await invokeOk(store, 'run_create', { profileId, projectId: project.id });
    const audio = await invokeOk(store, 'audio_import', { profileId, uploadId: stageUpload(store, toneWav()) });
    await invokeOk(store, 'run_attach_audio', { profileId, runId: run.id, audioArtifactId: audio.audioArtifactId });
    const { transcriptId } = await invokeOk(store, 'transcript_save', { profileId, text: 'We ship every week.\nSmall changes are easy to review.' });
    await invokeOk(store, 'run_set_transcript', { profileId, runId: run.id, transcriptId });
    const { packId } = await invokeOk(store, 'pack_export', { profileId, runId: run.id });
    const zip = readFileSync(join(store.layout.profileDir(profileId), 'artifacts', 'pack', `${packId}.zip`));
    const viewerPath = unzipPack(zip, makeTempDir());

    const downloads = makeTempDir();
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      protocol: 'webDriverBiDi',
      extraPrefsFirefox: {
        // Downloads go to this folder without asking, as a reviewer's browser set to save files would.
        'browser.download.folderList': 2,
        'browser.download.dir': downloads,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'intl.accept_languages': 'en-GB',
      },
    });
    const page = await browser.newPage();
    const offline: string[] = [];
    page.on('request', (request) => {
      if (!/^(file|blob|data):/.test(request.url())) offline.push(request.url());
    });
    await page.goto(pathToFileURL(viewerPath).href);
    assert.equal(await page.$eval('h1', (h1) => h1.textContent), 'Shipping every week');
    assert.equal(await page.$$eval('#transcript li', (items) => items.length), 2);
    // The recording, a sibling file of the unzipped pack, loads from file:// (its length is known once it has).
    await page.waitForFunction("document.querySelector('#audio').duration > 2.9", { timeout: 20_000 });

    // Saving before scoring every item is refused in words.
    await page.click('[data-testid="viewer-save"]');
    assert.equal(await page.$eval('#status', (status) => status.textContent), 'Give every item a score from 1 to 5 first.');

    const scores = { clarity: 4, structure: 5, pacing: 2, audience_fit: 4, examples: 3 };
    for (const [item, score] of Object.entries(scores)) await page.click(`[data-testid="score-${item}-${score}"]`);
    // A click in the middle of the timeline places a comment at half the 3 s recording.
    const timeline = (await page.$('[data-testid="viewer-timeline"]'))!;
    const box = (await timeline.boundingBox())!;
    await timeline.click({ offset: { x: box.width / 2, y: box.height / 2 } });
    await page.waitForSelector('[data-testid="viewer-comment"] textarea');
    await page.type('[data-testid="viewer-comment"] textarea', 'Pause before the demo.');
    await page.type('#name', 'Margaret');
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'pack-viewer-firefox.png'), fullPage: true });
    await page.click('[data-testid="viewer-save"]');
    const fileName = 'lectern-review-talk-1-shipping-every-week.json';
    const saved = JSON.parse((await downloadedFile(downloads, fileName)).toString('utf8'));
    assert.equal(saved.run_id, run.id);
    assert.deepEqual(saved.review.scores, scores);
    assert.equal(saved.review.reviewer_tag, 'Margaret');
    assert.deepEqual(saved.review.timestamps.map((stamp: { note: string }) => stamp.note), ['Pause before the demo.']);
    assert.ok(Math.abs(saved.review.timestamps[0].t_ms - 1500) < 60, `the comment sits at half the recording, not ${saved.review.timestamps[0].t_ms} ms`);
    assert.deepEqual(offline, [], 'the viewer reached no network');

    // The speaker imports it: onto the original run, and a second import changes nothing.
    const bytes = readFileSync(join(downloads, fileName));
    const first = await invokeOk(store, 'peer_review_import', { profileId, uploadId: stageUpload(store, bytes) });
    assert.deepEqual([first.runId, first.outcome], [run.id, 'attached']);
    const again = await invokeOk(store, 'peer_review_import', { profileId, uploadId: stageUpload(store, bytes) });
    assert.deepEqual([again.peerReviewId, again.outcome], [first.peerReviewId, 'already_imported']);
  });
});
