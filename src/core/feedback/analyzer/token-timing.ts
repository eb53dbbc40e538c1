import type { TranscriptSegment, TranscriptV1, TranscriptWord } from '../../../contracts/transcript.js';
import type { SpeechUnit, TimeSpan } from './time-span.js';
import type { TranscriptText } from './transcript-text.js';
import { tokenize, type Token } from './tokenize.js';

/** When each token was said, and the speech units (timed words, else segments) that pauses and pace are read from. */
export interface TokenTiming {
  /** One span per token, same order as the tokens. */
  tokenSpans: TimeSpan[];
  /** Sorted by start time. */
  units: SpeechUnit[];
}

/**
 * Times every token, or returns null when the transcript has no timing at all (typed text: every time is 0).
 *
 * A segment's tokens take the times of its words when the words spell exactly the same tokens as the segment text
 * (the recogniser's output). When they differ (the speaker edited the text after transcription), or the segment has
 * no words, or its words all say 0 ms (words without times), every token of the segment takes the whole segment's
 * span: that is all that is known, and spreading the words evenly inside it would be an estimate.
 */
export function timeTokens(transcript: TranscriptV1, text: TranscriptText, tokens: readonly Token[]): TokenTiming | null {
  if (!hasAnyTiming(transcript)) return null;
  const tokenSpans: TimeSpan[] = [];
  const units: SpeechUnit[] = [];
  let next = 0;
  for (const span of text.segmentSpans) {
    const segment = transcript.segments[span.segmentIndex]!;
    const segmentTokens: Token[] = [];
    while (next < tokens.length && tokens[next]!.end <= span.end) segmentTokens.push(tokens[next++]!);
    const wordOfToken = segment.words && areTimed(segment.words) ? alignTokensWithWords(segmentTokens, segment.words) : null;
    if (wordOfToken) {
      const words = segment.words!;
      for (const wordIndex of wordOfToken) tokenSpans.push(spanOf(words[wordIndex]!));
      units.push(...unitsFromWords(words, wordOfToken));
    } else if (segmentTokens.length > 0) {
      for (let i = 0; i < segmentTokens.length; i += 1) tokenSpans.push(spanOf(segment));
      units.push({ ...spanOf(segment), words: segmentTokens.length });
    }
  }
  // Stable sort: units that start together keep the transcript's order.
  units.sort((a, b) => a.tStartMs - b.tStartMs);
  return { tokenSpans, units };
}

export function hasAnyTiming(transcript: TranscriptV1): boolean {
  return transcript.segments.some(
    (segment) => segment.tEndMs > 0 || (segment.words ?? []).some((word) => word.tEndMs > 0),
  );
}

function areTimed(words: readonly TranscriptWord[]): boolean {
  return words.some((word) => word.tEndMs > 0);
}

/** For each token of the segment, the index of the word it comes from; null when the words spell other tokens. */
function alignTokensWithWords(segmentTokens: readonly Token[], words: readonly TranscriptWord[]): number[] | null {
  const wordTokens = words.flatMap((word, wordIndex) => tokenize(word.text).map((token) => ({ norm: token.norm, wordIndex })));
  if (wordTokens.length !== segmentTokens.length || wordTokens.length === 0) return null;
  const spelledAlike = wordTokens.every((wordToken, i) => wordToken.norm === segmentTokens[i]!.norm);
  return spelledAlike ? wordTokens.map((wordToken) => wordToken.wordIndex) : null;
}

/** One unit per word that holds tokens; a word holding two tokens ("well—so") counts two words. */
function unitsFromWords(words: readonly TranscriptWord[], wordOfToken: readonly number[]): SpeechUnit[] {
  const counts = new Map<number, number>();
  for (const wordIndex of wordOfToken) counts.set(wordIndex, (counts.get(wordIndex) ?? 0) + 1);
  return [...counts.entries()].map(([wordIndex, count]) => ({ ...spanOf(words[wordIndex]!), words: count }));
}

function spanOf(timed: TranscriptWord | TranscriptSegment): TimeSpan {
  return { tStartMs: timed.tStartMs, tEndMs: timed.tEndMs };
}
