/** A recognized word with its times in milliseconds. */
export interface TimedWord {
  text: string;
  tStartMs: number;
  tEndMs: number;
  /** 0..1 when the engine gives one (pocketsphinx does; whisper.cpp through this binding does not). */
  confidence?: number;
}

const WORD_LINE = /^(\S+) (\d+\.\d+) (\d+\.\d+) (\d+(?:\.\d+)?)$/;

/**
 * Reads `pocketsphinx_continuous -time yes` output: one line per token (`word start end confidence`) after each
 * utterance's hypothesis line. Markers and noise (`<s>`, `</s>`, `<sil>`, `(NULL)`, `[NOISE]`, `[SPEECH]`, `++...++`)
 * are dropped; alternate pronunciations like `was(2)` become `was`.
 */
export function parsePocketsphinxOutput(output: string): TimedWord[] {
  const words: TimedWord[] = [];
  for (const line of output.split('\n')) {
    const match = WORD_LINE.exec(line.trim());
    if (!match) continue;
    const token = match[1]!;
    if (/^[<[(]|^\+\+/.test(token)) continue;
    words.push({
      text: token.replace(/\(\d+\)$/, ''),
      tStartMs: Math.round(Number(match[2]) * 1000),
      tEndMs: Math.round(Number(match[3]) * 1000),
      confidence: Math.min(1, Math.max(0, Number(match[4]))),
    });
  }
  return words;
}
