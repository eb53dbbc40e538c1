import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FAKE_MIC_WAV, OUTPUT_DIR } from './paths.js';

/** Real speech for the fake microphone: espeak-ng (Debian) reading a short talk with fillers, as 48 kHz mono PCM16. */
export default function globalSetup(): void {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const raw = join(OUTPUT_DIR, 'fake-mic-raw.wav');
  execFileSync('espeak-ng', [
    '-v', 'en-us', '-s', '140', '-w', raw,
    'Good morning everyone. Um, today I will show you how we ship every day. You know, it takes two steps. First we test. Then we release.',
  ]);
  execFileSync('sox', [raw, '-r', '48000', '-c', '1', '-b', '16', FAKE_MIC_WAV, 'pad', '0.5', '3']);
}
