import type { PauseFindings } from './pauses.js';
import { isLongPause } from './pauses.js';
import { roundToTenth } from './round.js';

/** Below this share of the take, a measured speaking time is not trusted for WPM. */
export const MIN_SPEAKING_SHARE = 0.5;

export interface TimeMetrics {
  wpm: number | null;
  fillersPerMin: number | null;
  /** Words over the whole run's minutes, silences included: what a listener with a stopwatch would count. */
  wpmWholeRun: number | null;
  /** What `wpm` (the one the band judges) is measured over. */
  wpmBasis: 'speaking_time' | 'whole_run' | null;
}

/**
 * Pace and filler rate, or null without a known duration (never an estimate).
 * - WPM = words / speaking minutes, rounded to an integer. Speaking time is the speech measured on the audio when it
 *   covers at least half the take; else the duration minus the long pauses measured on the audio: a 10 s silence is
 *   not slow speech. Gaps between recognised words are not subtracted:
 *   word timestamps drift around silences from one recogniser to the next, and pace must not depend on that.
 * - fillersPerMin = fillers / minutes of the whole take, rounded to 0.1: how often the audience hears one.
 */
export function measureTimeMetrics(
  words: number,
  fillers: number,
  durationMs: number | null,
  pauses: PauseFindings | null,
  audioSpeakingTimeMs: number | null = null,
): TimeMetrics {
  if (durationMs === null) return { wpm: null, fillersPerMin: null, wpmWholeRun: null, wpmBasis: null };
  // Speaking time measured on the audio (speech segments) is used when plausible (at least half the take: less means
  // the detector missed quiet speech); else the duration minus long pauses.
  const plausible = audioSpeakingTimeMs !== null && audioSpeakingTimeMs >= durationMs * MIN_SPEAKING_SHARE;
  const speakingMs = plausible ? audioSpeakingTimeMs : durationMs - (pauses?.measuredOnAudio ? longPauseMsWithin(pauses, durationMs) : 0);
  const wpm = speakingMs > 0 ? Math.round(words / (speakingMs / 60_000)) : null;
  return {
    wpm,
    fillersPerMin: roundToTenth(fillers / (durationMs / 60_000)),
    wpmWholeRun: durationMs > 0 ? Math.round(words / (durationMs / 60_000)) : null,
    wpmBasis: wpm === null ? null : speakingMs < durationMs ? 'speaking_time' : 'whole_run',
  };
}

function longPauseMsWithin(pauses: PauseFindings, durationMs: number): number {
  return pauses.pauses
    .filter(isLongPause)
    .reduce((total, pause) => total + Math.max(0, Math.min(pause.tEndMs, durationMs) - pause.tStartMs), 0);
}
