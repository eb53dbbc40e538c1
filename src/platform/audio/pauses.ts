import { LONG_PAUSE_MIN_MS, PAUSE_MIN_MS } from '../../contracts/feedback-rules.js';
import type { Pause, SpeechSegment } from './speech-segment.js';

/**
 * A pause is a silence between two stretches of speech that lasts at least PAUSE_MIN_MS = 300 ms (shorter gaps are
 * the ordinary rhythm between words); a long pause lasts at least LONG_PAUSE_MIN_MS = 2000 ms (the listener starts
 * to wonder whether the speaker is lost). Silence before the first word and after the last is not a pause: it is
 * the time it took to start and stop the recorder. Both live in src/contracts/feedback-rules.ts with the analyzer's.
 */
export { LONG_PAUSE_MIN_MS, PAUSE_MIN_MS };

export function findPauses(segments: readonly SpeechSegment[], minimumMs = PAUSE_MIN_MS): Pause[] {
  const pauses: Pause[] = [];
  for (let index = 1; index < segments.length; index += 1) {
    const before = segments[index - 1] as SpeechSegment;
    const after = segments[index] as SpeechSegment;
    const durationMs = after.tStartMs - before.tEndMs;
    if (durationMs >= minimumMs) pauses.push({ tStartMs: before.tEndMs, tEndMs: after.tStartMs, durationMs });
  }
  return pauses;
}

export function longPausesAmong(pauses: readonly Pause[]): Pause[] {
  return pauses.filter((pause) => pause.durationMs >= LONG_PAUSE_MIN_MS);
}

export function speakingTimeMs(segments: readonly SpeechSegment[]): number {
  return segments.reduce((total, segment) => total + (segment.tEndMs - segment.tStartMs), 0);
}
