import type { WpmBand } from './feedback-v1.js';

/**
 * The numbers the feedback is judged against, in one place: the analyzer (src/core/feedback/analyzer), the audio
 * measures (src/platform/audio) and the Help page all import them from here, so what Help says is what the analyzer
 * does. Zod-free, so the UI imports it at run time. Why each number is what it is: the doc comment where it is used
 * (wpm-band.ts, score.ts, pauses.ts, loudness.ts, pitch-summary.ts).
 */

/** Pace bands on the published (integer) WPM: each band ends at its maxWpm, the next starts one above. */
export const WPM_BANDS: readonly { band: WpmBand; maxWpm: number }[] = [
  { band: 'too_slow', maxWpm: 109 },
  { band: 'slow', maxWpm: 129 },
  { band: 'ideal', maxWpm: 160 },
  { band: 'fast', maxWpm: 180 },
  { band: 'too_fast', maxWpm: Number.POSITIVE_INFINITY },
];
export const IDEAL_WPM_MIN = 130;
export const IDEAL_WPM_MAX = 160;

/** Fillers a minute that cost nothing (without a duration: per 100 words, about the same at 135 WPM). */
export const FILLERS_FREE_PER_MIN = 2;
export const FILLERS_FREE_PER_100_WORDS = 1.5;

/** An average sentence longer than this costs points; a sentence longer than LONG_SENTENCE_WORDS is "long". */
export const AVG_SENTENCE_WORDS_FREE = 20;
export const LONG_SENTENCE_WORDS = 25;

/** A repeated term: 4+ letters, not a stopword, said 3+ times. More than 2 such terms cost points. */
export const REPEATED_TERM_MIN_LETTERS = 4;
export const REPEATED_TERM_MIN_COUNT = 3;
export const REPEATED_TERMS_FREE = 2;

/** A pause is a silence of 300 ms or more between words; a long pause lasts 2 s or more, one a minute is free. */
export const PAUSE_MIN_MS = 300;
export const LONG_PAUSE_MIN_MS = 2000;
export const LONG_PAUSES_FREE_PER_MINUTE = 1;

/** A take within ±20% of the talk's target duration costs nothing. */
export const TARGET_DURATION_TOLERANCE = 0.2;

/** A voice whose pitch varies by less than 2 semitones (standard deviation) is monotone. */
export const MONOTONE_BELOW_SEMITONES = 2;

/** Speech quieter than -35 dBFS (RMS) is too quiet; over 1% of samples at full scale is clipping. */
export const TOO_QUIET_BELOW_DBFS = -35;
export const CLIPPING_RATIO_LIMIT = 0.01;

/** The most points each kind of problem can cost (the score starts at 100). */
export const PENALTY_CAPS = {
  fillers: 25,
  pace: 20,
  sentences: 15,
  repetition: 6,
  longPauses: 15,
  targetDuration: 15,
  monotone: 8,
  volume: 8,
} as const;
