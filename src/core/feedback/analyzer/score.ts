import {
  AVG_SENTENCE_WORDS_FREE,
  CLIPPING_RATIO_LIMIT,
  FILLERS_FREE_PER_100_WORDS,
  FILLERS_FREE_PER_MIN,
  IDEAL_WPM_MAX,
  IDEAL_WPM_MIN,
  LONG_PAUSES_FREE_PER_MINUTE,
  MONOTONE_BELOW_SEMITONES,
  PENALTY_CAPS,
  REPEATED_TERMS_FREE,
  TARGET_DURATION_TOLERANCE,
} from '../../../contracts/feedback-rules.js';
import { roundToTenth } from './round.js';

export { CLIPPING_RATIO_LIMIT, PENALTY_CAPS } from '../../../contracts/feedback-rules.js';

/** The published metrics the score reads (so anyone can redo it from the feedback itself). */
export interface ScoreFacts {
  words: number;
  fillers: number;
  fillersPerMin: number | null;
  wpm: number | null;
  longPauses: number | null;
  durationMs: number | null;
  avgSentenceWords: number;
  repeatedTerms: number;
  targetDurationSec: number | null;
  /** Null without a recording. */
  delivery: { monotone: boolean | null; pitchVariabilitySemitones: number | null; tooQuiet: boolean; clippingRatio: number } | null;
}

/** Points taken off, each rounded to 0.1 and capped. */
export interface Penalties {
  fillers: number;
  pace: number;
  sentences: number;
  repetition: number;
  longPauses: number;
  targetDuration: number;
  monotone: number;
  volume: number;
}

/**
 * overallScore = clamp(round(100 − Pf − Pw − Ps − Pr − Pl − Pt − Pm − Pv), 0, 100), each penalty rounded to 0.1 and capped:
 *
 * - Pf fillers, max 25: 4 × max(0, fillersPerMin − 2); without a duration, 4 × max(0, fillers per 100 words − 1.5)
 *   (1.5 per 100 words is 2 per minute at ~135 WPM). Two a minute go unnoticed; 8.25 a minute costs the maximum.
 * - Pw pace, max 20: 0.5 per WPM outside the ideal band 130-160 (wpm 180 → 10, 200 → 20; 110 → 10). 0 without WPM.
 * - Ps sentences, max 15: 1.5 × max(0, avgSentenceWords − 20) (30 words on average costs the maximum).
 * - Pr repetition, max 6: 2 × max(0, repeatedTerms − 2) (a talk repeats its subject; 5 terms cost 6).
 * - Pl long pauses, max 15: 3 × max(0, longPauses − allowed), allowed = max(1, whole minutes of duration): one
 *   2 s pause a minute can be deliberate. 0 when pauses are unknown.
 * - Pt target duration, max 15: with a target and a known duration, off = |duration − target| / target;
 *   50 × max(0, off − 0.2), i.e. 0.5 per percentage point beyond ±20% (50% off costs the maximum).
 *
 * - Pm monotone, max 8 (recordings only): when the audio says monotone, 4 × (2 − variability in semitones), at least 2.
 * - Pv volume, max 8 (recordings only): 5 when the speech is too quiet, plus 5 when over 1% of samples clip.
 *
 * The reference app capped its score at 90 and only looked at fillers, sentences and repeats; here a clean take
 * reaches 100, and the caps add up to 112, so the minimum is 0. Every number here lives in
 * src/contracts/feedback-rules.ts (PENALTY_CAPS: the caps; more than 1% of samples at full scale is audible distortion).
 */
export function penaltiesFor(facts: ScoreFacts): Penalties {
  return {
    fillers: capped('fillers', fillerPenalty(facts)),
    pace: capped('pace', pacePenalty(facts.wpm)),
    sentences: capped('sentences', 1.5 * Math.max(0, facts.avgSentenceWords - AVG_SENTENCE_WORDS_FREE)),
    repetition: capped('repetition', 2 * Math.max(0, facts.repeatedTerms - REPEATED_TERMS_FREE)),
    longPauses: capped('longPauses', longPausePenalty(facts)),
    targetDuration: capped('targetDuration', targetDurationPenalty(facts)),
    monotone: capped('monotone', monotonePenalty(facts)),
    volume: capped('volume', volumePenalty(facts)),
  };
}

/** Sums in tenths (integers), so 100 − 12.5 is exactly 87.5 and rounds half up to 88 on every machine. */
export function overallScore(penalties: Penalties): number {
  const tenths = Object.values(penalties).reduce((total, penalty) => total + Math.round(penalty * 10), 0);
  return Math.min(100, Math.max(0, Math.round((1000 - tenths) / 10)));
}

function fillerPenalty({ fillers, fillersPerMin, words }: ScoreFacts): number {
  if (fillersPerMin !== null) return 4 * Math.max(0, fillersPerMin - FILLERS_FREE_PER_MIN);
  return words === 0 ? 0 : 4 * Math.max(0, (100 * fillers) / words - FILLERS_FREE_PER_100_WORDS);
}

function pacePenalty(wpm: number | null): number {
  if (wpm === null) return 0;
  return 0.5 * Math.max(0, IDEAL_WPM_MIN - wpm, wpm - IDEAL_WPM_MAX);
}

function longPausePenalty({ longPauses, durationMs }: ScoreFacts): number {
  if (longPauses === null) return 0;
  const allowed = Math.max(1, LONG_PAUSES_FREE_PER_MINUTE * Math.floor((durationMs ?? 0) / 60_000));
  return 3 * Math.max(0, longPauses - allowed);
}

function targetDurationPenalty({ durationMs, targetDurationSec }: ScoreFacts): number {
  if (durationMs === null || !targetDurationSec || targetDurationSec <= 0) return 0;
  const targetMs = targetDurationSec * 1000;
  const off = Math.abs(durationMs - targetMs) / targetMs;
  return 50 * Math.max(0, off - TARGET_DURATION_TOLERANCE);
}

function monotonePenalty({ delivery }: ScoreFacts): number {
  if (!delivery?.monotone) return 0;
  return Math.max(2, 4 * (MONOTONE_BELOW_SEMITONES - (delivery.pitchVariabilitySemitones ?? 0)));
}

function volumePenalty({ delivery }: ScoreFacts): number {
  if (!delivery) return 0;
  return (delivery.tooQuiet ? 5 : 0) + (delivery.clippingRatio > CLIPPING_RATIO_LIMIT ? 5 : 0);
}

function capped(kind: keyof Penalties, penalty: number): number {
  return roundToTenth(Math.min(PENALTY_CAPS[kind], penalty));
}
