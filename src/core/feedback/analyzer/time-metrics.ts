import type { PauseFindings } from './pauses.js';
import { isLongPause } from './pauses.js';
import { roundToTenth } from './round.js';
import type { TimeSpan } from './time-span.js';

/** Below this share of the speech, a speaking time measured on the audio is not trusted (the detector missed quiet speech). */
export const MIN_SPEAKING_SHARE = 0.5;

export interface TimeMetrics {
  /** The pace the band judges (see `wpmBasis`). */
  wpm: number | null;
  fillersPerMin: number | null;
  /** Words over the whole run's minutes, silences included: what a listener with a stopwatch would count. */
  wpmWholeRun: number | null;
  /** Words over the time with speech alone, every pause left out (the articulation rate): shown, never judged. */
  wpmSpeakingTime: number | null;
  /** What `wpm` is measured over: from the first word to the last one, or the whole run when words have no times. */
  wpmBasis: 'speech_span' | 'whole_run' | null;
}

export interface TimeMetricsInput {
  words: number;
  fillers: number;
  durationMs: number | null;
  pauses: PauseFindings | null;
  /** From the start of the first recognised word to the end of the last one; null without timing. */
  speech: TimeSpan | null;
  /** Time with speech measured on the audio (speech segments), when there is a recording. */
  audioSpeakingTimeMs?: number | null;
}

/**
 * Pace and filler rate, or null without a known duration (never an estimate). Why this rule: decision 0014.
 * - WPM (judged) = words / minutes from the first word to the last one, the natural pauses between phrases included,
 *   long pauses (2 s or more) left out: speaking-rate bands such as 130-160 are measured with the speaker's pauses, and
 *   a long pause is judged as a pause (it has its own count), not also as slow speech. The silence before the first
 *   word and after the last one is not the speaker's pace. Without timed words: words / the whole run.
 * - wpmSpeakingTime = words / time with speech alone: the speech measured on the audio when it covers at least half
 *   the speech span, else the span minus every pause of 300 ms or more. Always faster than the judged pace; shown so
 *   the speaker sees both, never judged against the band.
 * - fillersPerMin = fillers / minutes of the whole take, rounded to 0.1: how often the audience hears one.
 */
export function measureTimeMetrics(input: TimeMetricsInput): TimeMetrics {
  const { words, fillers, durationMs, pauses, speech } = input;
  if (durationMs === null) return { wpm: null, fillersPerMin: null, wpmWholeRun: null, wpmSpeakingTime: null, wpmBasis: null };
  const span = speech ? spokenWithin(speech, durationMs) : null;
  const judgedMs = span ? lengthOf(span) - pausedWithin(span, pauses, isLongPause) : durationMs;
  const wpm = perMinute(words, judgedMs);
  return {
    wpm,
    fillersPerMin: roundToTenth(fillers / (durationMs / 60_000)),
    wpmWholeRun: durationMs > 0 ? Math.round(words / (durationMs / 60_000)) : null,
    wpmSpeakingTime: span ? perMinute(words, speakingTimeMs(span, judgedMs, pauses, input.audioSpeakingTimeMs ?? null)) : null,
    wpmBasis: wpm === null ? null : span ? 'speech_span' : 'whole_run',
  };
}

/** Never longer than the judged time: speech alone cannot last longer than the speech with its short pauses. */
function speakingTimeMs(span: TimeSpan, judgedMs: number, pauses: PauseFindings | null, audioSpeakingTimeMs: number | null): number {
  if (audioSpeakingTimeMs !== null && audioSpeakingTimeMs >= lengthOf(span) * MIN_SPEAKING_SHARE) return Math.min(audioSpeakingTimeMs, judgedMs);
  return lengthOf(span) - pausedWithin(span, pauses, () => true);
}

/** Words a minute, rounded; null when there are no words or no time to say them in (never an infinite pace). */
function perMinute(words: number, ms: number): number | null {
  return words > 0 && ms > 0 ? Math.round(words / (ms / 60_000)) : null;
}

/** The speech span inside the recording (a recogniser's last word can end a little after it); null when it has no length. */
function spokenWithin(speech: TimeSpan, durationMs: number): TimeSpan | null {
  const tStartMs = Math.max(0, Math.min(speech.tStartMs, durationMs));
  const tEndMs = Math.min(speech.tEndMs, durationMs);
  return tEndMs > tStartMs ? { tStartMs, tEndMs } : null;
}

function lengthOf(span: TimeSpan): number {
  return span.tEndMs - span.tStartMs;
}

/** How long the chosen pauses last inside the span. */
function pausedWithin(span: TimeSpan, pauses: PauseFindings | null, counts: (pause: TimeSpan) => boolean): number {
  if (!pauses) return 0;
  return pauses.pauses
    .filter(counts)
    .reduce((total, pause) => total + Math.max(0, Math.min(pause.tEndMs, span.tEndMs) - Math.max(pause.tStartMs, span.tStartMs)), 0);
}
