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
 * Silence before the first word and after the last one is not a pause (the audio's own detector can take a click of
 * the Stop button for speech, which would turn the silence before it into one). Null when there is no timing at all.
 */
export function findPauses(audioPauses: readonly AudioPause[] | null | undefined, units: readonly SpeechUnit[] | null): PauseFindings | null {
  if (audioPauses) return { pauses: withinSpeech(pausesFromAudio(audioPauses), units), measuredOnAudio: true };
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

/**
 * Audio pauses (or other stretches measured on the audio) that lie between the first and the last recognised word. A pause that starts where the last word
 * ends (or ends where the first starts) is the silence at an edge: the two measures drift by up to EDGE_SLACK_MS.
 */
const EDGE_SLACK_MS = 250;

export function withinSpeech<T extends TimeSpan>(pauses: readonly T[], units: readonly SpeechUnit[] | null): T[] {
  const speech = speechSpanOf(units);
  if (!speech) return [...pauses];
  return pauses.filter((pause) => pause.tEndMs > speech.tStartMs + EDGE_SLACK_MS && pause.tStartMs < speech.tEndMs - EDGE_SLACK_MS);
}

/** From the start of the first recognised word to the end of the last one; null without timed speech. */
export function speechSpanOf(units: readonly SpeechUnit[] | null): TimeSpan | null {
  if (!units || units.length === 0) return null;
  return {
    tStartMs: units.reduce((first, unit) => Math.min(first, unit.tStartMs), Number.POSITIVE_INFINITY),
    tEndMs: units.reduce((last, unit) => Math.max(last, unit.tEndMs), 0),
  };
}
