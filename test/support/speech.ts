import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export { LIBRIVOX_DIR, librivoxClips } from '../../src/platform/asr/reference-clips.js';

/** Speech synthesized by espeak-ng (Debian), converted by sox to 16 kHz mono PCM16: what the engine reads. */
export function speak(text: string, dir: string, name = 'speech'): string {
  const raw = join(dir, `${name}-raw.wav`);
  const wav = join(dir, `${name}.wav`);
  execFileSync('espeak-ng', ['-v', 'en-us', '-s', '130', '-w', raw, text]);
  execFileSync('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', wav]);
  return wav;
}

/** Duration of a canonical 44-byte-header PCM16 mono 16 kHz WAV. */
export function pcm16MonoDurationMs(path: string): number {
  return Math.round(((readFileSync(path).length - 44) / 2 / 16000) * 1000);
}
