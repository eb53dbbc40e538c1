import type { Locale } from '../../contracts/locale.js';
import type { TranscriptV1 } from '../../contracts/transcript.js';
import type { TimedWord } from './pocketsphinx-output.js';

/** A new segment starts after a silence this long, or once a segment holds this many words. */
export const SEGMENT_GAP_MS = 600;
export const SEGMENT_MAX_WORDS = 30;

/** Groups timed words into segments at pauses, the unit the transcript editor and subtitles work with. */
export function wordsToTranscript(words: readonly TimedWord[], language: Locale, durationMs: number): TranscriptV1 {
  const segments: TranscriptV1['segments'] = [];
  let current: TimedWord[] = [];
  const flush = () => {
    if (current.length === 0) return;
    segments.push({
      tStartMs: current[0]!.tStartMs,
      tEndMs: current[current.length - 1]!.tEndMs,
      text: current.map((word) => word.text).join(' '),
      words: current.map((word) => ({ tStartMs: word.tStartMs, tEndMs: word.tEndMs, text: word.text, confidence: word.confidence })),
    });
    current = [];
  };
  for (const word of words) {
    const previous = current[current.length - 1];
    if (previous && (word.tStartMs - previous.tEndMs >= SEGMENT_GAP_MS || current.length >= SEGMENT_MAX_WORDS)) flush();
    current.push(word);
  }
  flush();
  return { schemaVersion: 1, language, durationMs, segments };
}
