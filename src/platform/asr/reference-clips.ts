import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Debian's `pocketsphinx-testdata`: five LibriVox clips of real read speech (16 kHz mono) with reference text. */
export const LIBRIVOX_DIR = '/usr/share/pocketsphinx/test/data/librivox';

export interface ReferenceClip {
  id: string;
  wavPath: string;
  /** The reference transcription, lowercase words. */
  words: string[];
}

export function referenceClipsInstalled(): boolean {
  return existsSync(join(LIBRIVOX_DIR, 'transcription'));
}

/** The clips with their reference words, from the package's `transcription` file (`<s> words </s> (id)` per line). */
export function librivoxClips(): ReferenceClip[] {
  return readFileSync(join(LIBRIVOX_DIR, 'transcription'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const match = /^<s> (.*) <\/s> \((.*)\)$/.exec(line.trim());
      if (!match) throw new Error(`Unexpected transcription line: ${line}`);
      return { id: match[2]!, wavPath: join(LIBRIVOX_DIR, `${match[2]}.wav`), words: match[1]!.split(' ') };
    });
}
