import { readFileSync } from 'node:fs';

/**
 * Debian's CMU pronunciation dictionary as a map from a word to its lines (`word PH ON ES`, then `word(2) ...` for
 * alternate pronunciations), read once per process. Alignment writes a dictionary of the script's words only: the
 * decoder then loads a few dozen entries instead of 134,000 (measured: 1.7 s instead of 14.2 s of CPU for 25 s of
 * speech, docs/decisions/0011).
 */
export class PronunciationDictionary {
  private constructor(private readonly entries: ReadonlyMap<string, readonly string[]>) {}

  static read(path: string): PronunciationDictionary {
    const entries = new Map<string, string[]>();
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const word = line.split(' ', 1)[0]!.replace(/\(\d+\)$/, '');
      if (word.length === 0) continue;
      const lines = entries.get(word);
      if (lines) lines.push(line.trimEnd());
      else entries.set(word, [line.trimEnd()]);
    }
    return new PronunciationDictionary(entries);
  }

  has(word: string): boolean {
    return this.entries.has(word);
  }

  /** The dictionary file of these words only (each with all its pronunciations), in the decoder's format. */
  subsetFor(words: Iterable<string>): string {
    const lines = [...new Set(words)].flatMap((word) => this.entries.get(word) ?? []);
    return `${lines.join('\n')}\n`;
  }
}
