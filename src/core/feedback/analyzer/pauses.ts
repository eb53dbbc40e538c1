import { LONG_PAUSE_MIN_MS, PAUSE_MIN_MS } from '../../../contracts/feedback-rules.js';
import type { AudioPause } from './analyzer-input.js';
import type { SpeechUnit, TimeSpan } from './time-span.js';

/**
 * PAUSE_MIN_MS (300): shorter silences are the ordinary breath between words, not pauses. LONG_PAUSE_MIN_MS (2000):
 * from 2 s a silence is noticeable to the audience: deliberate emphasis, or a lost thread.
 */
export { LONG_PAUSE_MIN_MS, PAUSE_MIN_MS } from '../../../contracts/feedback-rules.js';

export interface PauseFindings {
  pauses: TimeSpan[];
  /** True when the pauses were measured on the audio: only those are subtracted from speaking time. */
  measuredOnAudio: boolean;
}

/**
 * Pauses of 300 ms or more, from the best source: silences measured on the audio when given (even an empty list:
 * the audio had none), else the gaps between consecutive timed words (or segments, when words have no times).
 * Silence before the first word and after the last one is not a pause. Null when there is no timing at all.
 */
export function findPauses(audioPauses: readonly AudioPause[] | null | undefined, units: readonly SpeechUnit[] | null): PauseFindings | null {
  if (audioPauses) return { pauses: pausesFromAudio(audioPauses), measuredOnAudio: true };
  if (units) return { pauses: pausesBetweenUnits(units), measuredOnAudio: false };
  return null;
}

export function isLongPause(pause: TimeSpan): boolean {
  return pause.tEndMs - pause.tStartMs >= LONG_PAUSE_MIN_MS;
}

/** Audio silences cleaned up: empty or reversed ones dropped, overlapping ones merged, short ones ignored. */
function pausesFromAudio(audioPauses: readonly AudioPause[]): TimeSpan[] {
  const sorted = audioPauses
    .filter((pause) => Number.isFinite(pause.tStartMs) && Number.isFinite(pause.tEndMs) && pause.tEndMs > pause.tStartMs)
    .map((pause) => ({ tStartMs: Math.round(Math.max(0, pause.tStartMs)), tEndMs: Math.round(pause.tEndMs) }))
    .sort((a, b) => a.tStartMs - b.tStartMs);
  const merged: TimeSpan[] = [];
  for (const pause of sorted) {
    const last = merged[merged.length - 1];
    if (last && pause.tStartMs <= last.tEndMs) last.tEndMs = Math.max(last.tEndMs, pause.tEndMs);
    else merged.push({ ...pause });
  }
  return merged.filter((pause) => pause.tEndMs - pause.tStartMs >= PAUSE_MIN_MS);
}

/** Gaps between units; overlapping units (a recogniser quirk) leave no gap. */
function pausesBetweenUnits(units: readonly SpeechUnit[]): TimeSpan[] {
  const pauses: TimeSpan[] = [];
  let spokenUntil = units[0]?.tEndMs ?? 0;
  for (const unit of units.slice(1)) {
    if (unit.tStartMs - spokenUntil >= PAUSE_MIN_MS) pauses.push({ tStartMs: spokenUntil, tEndMs: unit.tStartMs });
    spokenUntil = Math.max(spokenUntil, unit.tEndMs);
  }
  return pauses;
}
