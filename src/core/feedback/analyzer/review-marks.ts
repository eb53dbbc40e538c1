import type { AnalyzerInput } from './analyzer-input.js';
import { findFastPassages } from './fast-passages.js';
import { findFillers } from './find-fillers.js';
import { findPauses, isLongPause } from './pauses.js';
import { timeTokens } from './token-timing.js';
import { tokenize } from './tokenize.js';
import { joinTranscriptText } from './transcript-text.js';

/** One word of the transcript as the review page shows it: its text with the punctuation that follows, and its time. */
export interface ReviewWord {
  text: string;
  tStartMs: number;
  tEndMs: number;
  filler: boolean;
  fast: boolean;
}

export interface ReviewMarks {
  words: ReviewWord[];
  pauses: Array<{ tStartMs: number; tEndMs: number; long: boolean }>;
  fastPassages: Array<{ tStartMs: number; tEndMs: number; peakWpm: number }>;
}

/**
 * What the review page marks on the waveform and in the transcript, found by the same rules as the feedback (the
 * filler lexicon, the pauses, the fast passages): each word with its time (null times for typed text: nothing to
 * seek), whether it is a filler, whether it lies in a fast passage; the pauses and the fast passages themselves.
 */
export function reviewMarks(input: AnalyzerInput): ReviewMarks {
  const text = joinTranscriptText(input.transcript);
  const tokens = tokenize(text.text);
  const timing = timeTokens(input.transcript, text, tokens);
  const fillerTokens = new Set(findFillers(tokens, input.transcript.language).flatMap((hit) => range(hit.firstToken, hit.lastToken)));
  const fastPassages = timing ? findFastPassages(timing.units) : [];
  const pauses = findPauses(input.audioPauses, timing?.units ?? null)?.pauses ?? [];
  const words = tokens.map((token, index) => {
    const span = timing?.tokenSpans[index] ?? { tStartMs: 0, tEndMs: 0 };
    return {
      text: `${token.raw}${trailingPunctuation(token.gapAfter)}`,
      tStartMs: span.tStartMs,
      tEndMs: span.tEndMs,
      filler: fillerTokens.has(index),
      fast: fastPassages.some((passage) => span.tStartMs >= passage.tStartMs && span.tEndMs <= passage.tEndMs),
    };
  });
  return {
    words,
    pauses: pauses.map((pause) => ({ tStartMs: pause.tStartMs, tEndMs: pause.tEndMs, long: isLongPause(pause) })),
    fastPassages: fastPassages.map(({ tStartMs, tEndMs, peakWpm }) => ({ tStartMs, tEndMs, peakWpm })),
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The punctuation written right after a word ("day," "day."), without the spaces and line breaks. */
function trailingPunctuation(gapAfter: string): string {
  return gapAfter.replace(/\s.*$/s, '');
}
