import type { SpeechUnit, TimeSpan } from './time-span.js';

export const FAST_WINDOW_MS = 15_000;
/** Above the whole-talk "too fast" band (180): a passage is flagged only when it is clearly faster than that. */
export const FAST_PASSAGE_WPM = 190;

export interface FastPassage extends TimeSpan {
  /** The fastest 15 s window inside the passage, in words per minute, rounded. */
  peakWpm: number;
}

/**
 * Passages spoken faster than 190 WPM over a 15 s window. For each unit (timed word, or segment), the window holds
 * it and the following units that end within 15 s of its start; its pace is their words over 15 s, or over their
 * real span when one segment alone is longer than the window (that segment's own pace). The last seconds of a take
 * are divided by the full 15 s too, so they are never flagged on a handful of words. Windows that share units merge
 * into one passage. A window reaches up to 15 s around the fast speech, so the passage is then trimmed to the units
 * that are fast themselves (a unit's own pace: its words over the time until the next unit starts), so the comment
 * points at the fast speech, not at the calm sentences around it.
 */
export function findFastPassages(units: readonly SpeechUnit[]): FastPassage[] {
  const passages: { first: number; last: number; peakWpm: number }[] = [];
  for (let first = 0; first < units.length; first += 1) {
    const last = lastUnitWithinWindow(units, first);
    const wpm = windowWpm(units, first, last);
    if (wpm <= FAST_PASSAGE_WPM) continue;
    const previous = passages[passages.length - 1];
    if (previous && first <= previous.last) {
      previous.last = Math.max(previous.last, last);
      previous.peakWpm = Math.max(previous.peakWpm, wpm);
    } else {
      passages.push({ first, last, peakWpm: wpm });
    }
  }
  return passages.map(({ first, last, peakWpm }) => {
    const fast = trimmedToFastUnits(units, first, last);
    return { tStartMs: units[fast.first]!.tStartMs, tEndMs: latestEnd(units, fast.first, fast.last), peakWpm: Math.round(peakWpm) };
  });
}

function trimmedToFastUnits(units: readonly SpeechUnit[], first: number, last: number): { first: number; last: number } {
  let start = first;
  let end = last;
  while (start < end && unitWpm(units, start) <= FAST_PASSAGE_WPM) start += 1;
  while (end > start && unitWpm(units, end) <= FAST_PASSAGE_WPM) end -= 1;
  return { first: start, last: end };
}

/** A unit's own pace: its words over the time until the next unit starts (the last unit: over its own length). */
function unitWpm(units: readonly SpeechUnit[], index: number): number {
  const unit = units[index]!;
  const next = units[index + 1];
  const spanMs = next ? next.tStartMs - unit.tStartMs : unit.tEndMs - unit.tStartMs;
  return spanMs > 0 ? unit.words / (spanMs / 60_000) : Number.POSITIVE_INFINITY;
}

function lastUnitWithinWindow(units: readonly SpeechUnit[], first: number): number {
  const windowEnd = units[first]!.tStartMs + FAST_WINDOW_MS;
  let last = first;
  while (last + 1 < units.length && units[last + 1]!.tEndMs <= windowEnd) last += 1;
  return last;
}

function windowWpm(units: readonly SpeechUnit[], first: number, last: number): number {
  const words = units.slice(first, last + 1).reduce((total, unit) => total + unit.words, 0);
  const spanMs = Math.max(FAST_WINDOW_MS, latestEnd(units, first, last) - units[first]!.tStartMs);
  return words / (spanMs / 60_000);
}

function latestEnd(units: readonly SpeechUnit[], first: number, last: number): number {
  return Math.max(...units.slice(first, last + 1).map((unit) => unit.tEndMs));
}
