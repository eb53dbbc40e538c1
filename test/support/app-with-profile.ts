import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after } from 'node:test';
import { concat, silence, speechBurst } from '../platform/audio/synth.js';
import { encodeWav } from '../platform/audio/wav-forge.js';
import { startAppProcess, type AppProcess } from './app-process.js';
import { http, type HttpAnswer } from './http.js';
import { makeTempDir } from './temp-dir.js';

/** The real `lectern start` on a fresh data folder with one profile; stopped after the test whatever happens. */
export async function startAppWithProfile(): Promise<{ app: AppProcess; dataDir: string; profileId: string }> {
  const dataDir = makeTempDir();
  const app = await startAppProcess(dataDir);
  after(() => app.stop());
  const created = await app.post('profile_create', { name: 'Ada' });
  return { app, dataDir, profileId: (created.body.result as { profile: { id: string } }).profile.id };
}

/** Two phrases of speech-like sound at 16 kHz (2.8 s), as a PCM16 WAV. */
export function smallSpeechWav(): Buffer {
  return encodeWav([concat(silence(300), speechBurst(900, { f0: 140 }), silence(500), speechBurst(800, { f0: 190 }), silence(300))], 16_000, { encoding: 'pcm', bits: 16 });
}

/** What waits in `<dataDir>/staging/` now. */
export function stagingEntries(dataDir: string): string[] {
  const dir = join(dataDir, 'staging');
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** Every regular file under a folder, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

/** A POST of raw bytes with the session cookie and our Origin (extra headers override them). */
export function postBytes(app: AppProcess, path: string, body: Buffer, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return http(app.port, { method: 'POST', path, headers: { cookie: app.cookie, origin: app.origin, ...headers }, body });
}

/** Polls until `condition` holds; fails after `timeoutMs` rather than hang. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
