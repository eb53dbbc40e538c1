import type { TimeSpan } from './time-span.js';

/** A stretch this long with the voice within this spread is flat enough to lose the room. */
export const MONOTONE_WINDOW_MS = 8_000;
export const MONOTONE_SPREAD_SEMITONES = 1;
/** At least this share of the window's points must be voiced for it to judge anything. */
const MIN_VOICED_SHARE = 0.6;

/**
 * Flat stretches of the voice, from the recording's pitch track: windows of 8 s whose voiced points stay within 1
 * semitone (standard deviation) of their median, merged when they overlap. A whole take can be lively and still hold
 * one flat passage: that is where a timed comment helps.
 */
export function findMonotoneStretches(track: ReadonlyArray<{ tMs: number; hz: number | null }>): TimeSpan[] {
  const stretches: TimeSpan[] = [];
  // The track is downsampled to a few hundred points: on a long take one point spans seconds, so the window grows to
  // hold at least 6 points (a 10-minute take is judged on ~18 s stretches rather than never).
  const step = track.length > 1 ? (track[track.length - 1]!.tMs - track[0]!.tMs) / (track.length - 1) : 0;
  const windowMs = Math.max(MONOTONE_WINDOW_MS, 6 * step);
  for (let start = 0; start < track.length; start += 1) {
    const from = track[start]!.tMs;
    const window = track.filter((point) => point.tMs >= from && point.tMs < from + windowMs);
    const last = window[window.length - 1];
    if (!last || last.tMs - from < windowMs * 0.75) break;
    const voiced = window.map((point) => point.hz).filter((hz): hz is number => hz !== null && hz > 0);
    if (voiced.length < window.length * MIN_VOICED_SHARE || voiced.length < 4) continue;
    if (semitoneSpread(voiced) >= MONOTONE_SPREAD_SEMITONES) continue;
    const span = { tStartMs: Math.round(from), tEndMs: Math.round(last.tMs) };
    const previous = stretches[stretches.length - 1];
    if (previous && span.tStartMs <= previous.tEndMs) previous.tEndMs = Math.max(previous.tEndMs, span.tEndMs);
    else stretches.push(span);
  }
  return stretches;
}

function semitoneSpread(hz: readonly number[]): number {
  const sorted = [...hz].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const semitones = hz.map((value) => 12 * Math.log2(value / median));
  const mean = semitones.reduce((sum, value) => sum + value, 0) / semitones.length;
  return Math.sqrt(semitones.reduce((sum, value) => sum + (value - mean) ** 2, 0) / semitones.length);
}
