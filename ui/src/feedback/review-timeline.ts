import type { FeedbackReview, ReviewWord } from '../api/types/feedback';

/**
 * The word being said at `ms`: the last word that started at or before it, as long as the next one has not started
 * (a word stays lit through the short silence after it, so the highlight does not blink between words), and never
 * during a long pause or after the last word has ended. -1 when none.
 */
export function wordAt(words: readonly ReviewWord[], ms: number, longPauses: ReadonlyArray<{ tStartMs: number; tEndMs: number }> = []): number {
  let low = 0;
  let high = words.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (words[middle]!.tStartMs <= ms) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  if (found < 0) return -1;
  const word = words[found]!;
  if (ms > word.tEndMs && longPauses.some((pause) => ms >= pause.tStartMs && ms < pause.tEndMs)) return -1;
  if (found === words.length - 1 && ms > word.tEndMs) return -1;
  return found;
}

/** True when the transcript has times to seek to (a recording's transcript; typed text has none). */
export function isTimed(words: readonly ReviewWord[]): boolean {
  return words.some((word) => word.tEndMs > 0);
}

/** The waveform as one SVG path in a 0..peaks × 0..100 box, mirrored around the middle line (a bar per peak). */
export function waveformPath(peaks: readonly number[]): string {
  return peaks
    .map((peak, index) => {
      const half = Math.max(0.5, peak * 50);
      return `M${index + 0.5} ${(50 - half).toFixed(1)}V${(50 + half).toFixed(1)}`;
    })
    .join('');
}

/** Where a time falls on the waveform, as a share of its width (0..1). */
export function shareOf(ms: number, durationMs: number): number {
  return durationMs > 0 ? Math.min(1, Math.max(0, ms / durationMs)) : 0;
}

export type TranscriptItem = { kind: 'word'; index: number; word: ReviewWord } | { kind: 'pause'; tStartMs: number; tEndMs: number };

/** The transcript as the page lays it out: its words, with a mark for each long pause where it falls between two. */
export function transcriptItems(review: Pick<FeedbackReview, 'words' | 'pauses'>): TranscriptItem[] {
  const longPauses = review.pauses.filter((pause) => pause.long);
  const items: TranscriptItem[] = [];
  let next = 0;
  review.words.forEach((word, index) => {
    while (next < longPauses.length && longPauses[next]!.tEndMs <= word.tStartMs) {
      const pause = longPauses[next]!;
      if (index > 0) items.push({ kind: 'pause', tStartMs: pause.tStartMs, tEndMs: pause.tEndMs });
      next += 1;
    }
    items.push({ kind: 'word', index, word });
  });
  return items;
}
