import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FAKE_MIC_WAV, OUTPUT_DIR } from './paths.js';

const LIBRIVOX = '/usr/share/pocketsphinx/test/data/librivox';

/**
 * Real human speech for the fake microphone: the LibriVox clips of Debian's pocketsphinx-testdata, joined with short
 * silences and converted to 48 kHz mono PCM16 (what a microphone delivers), played by Chromium in a loop.
 */
export default function globalSetup(): void {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const clips = readdirSync(LIBRIVOX)
    .filter((name) => name.endsWith('.wav'))
    .sort()
    .map((name) => join(LIBRIVOX, name));
  execFileSync('sox', [...clips, '-r', '48000', '-c', '1', '-b', '16', FAKE_MIC_WAV, 'pad', '0.3', '2']);
}
