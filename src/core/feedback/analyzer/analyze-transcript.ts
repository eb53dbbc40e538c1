import { AppError } from '../../../kernel/errors.js';
import type { AnalyzerInput } from './analyzer-input.js';
import { ANALYZER_VERSION } from './analyzer-version.js';
import { resolveDurationMs } from './duration.js';
import { findFastPassages } from './fast-passages.js';
import type { FeedbackMetrics, FeedbackV1, TimedComment } from '../../../contracts/feedback-v1.js';
import { findFillerClusters, type TimedFiller } from './filler-clusters.js';
import { fillerBreakdown, findFillers, type FillerHit } from './find-fillers.js';
import { jargonTerms } from './jargon-terms.js';
import { findPauses, isLongPause, speechSpanOf, withinSpeech, type PauseFindings } from './pauses.js';
import { coachLanguage } from './language-coaching.js';
import { overallScore, penaltiesFor } from './score.js';
import { findMonotoneStretches } from './monotone-stretches.js';
import { measureSentences } from './sentences.js';
import type { TimeSpan } from './time-span.js';
import { measureTimeMetrics } from './time-metrics.js';
import { timedComments } from './timed-comments.js';
import { timeTokens, type TokenTiming } from './token-timing.js';
import { tokenize } from './tokenize.js';
import { topActions } from './top-actions.js';
import { joinTranscriptText } from './transcript-text.js';
import { wpmBandOf } from './wpm-band.js';

/**
 * Feedback on one take: a pure, deterministic function of its input (no clock, no randomness, no I/O), so the same
 * transcript always gets the same feedback and golden tests can pin it. Throws `transcript_empty` when the text
 * holds no word (blank, or punctuation only).
 */
export function analyzeTranscript(input: AnalyzerInput): FeedbackV1 {
  const { transcript } = input;
  const language = transcript.language;
  const text = joinTranscriptText(transcript);
  const tokens = tokenize(text.text);
  if (tokens.length === 0) throw new AppError('transcript_empty', 'The transcript has no words to analyze.');

  const timing = timeTokens(transcript, text, tokens);
  const durationMs = resolveDurationMs(input);
  const fillers = findFillers(tokens, language);
  const pauses = findPauses(input.audioPauses, timing?.units ?? null);
  const delivery = input.audioDelivery ?? null;
  const { wpm, fillersPerMin, wpmWholeRun, wpmSpeakingTime, wpmBasis } = measureTimeMetrics({
    words: tokens.length,
    fillers: fillers.length,
    durationMs,
    pauses,
    speech: speechSpanOf(timing?.units ?? null),
    audioSpeakingTimeMs: delivery?.speakingTimeMs ?? null,
  });
  const sentences = measureSentences(tokens, timing?.tokenSpans ?? null);
  const { coaching } = coachLanguage({ tokens, text: text.text, language, timing, fillers });

  const metrics: FeedbackMetrics = {
    durationMs,
    words: tokens.length,
    wpm,
    wpmBand: wpm === null ? null : wpmBandOf(wpm),
    wpmWholeRun,
    wpmSpeakingTime,
    wpmBasis,
    fillers: fillers.length,
    fillersPerMin,
    fillerBreakdown: fillerBreakdown(fillers),
    pauses: pauses ? pauses.pauses.length : null,
    longPauses: pauses ? pauses.pauses.filter(isLongPause).length : null,
    ...sentences,
    repeatedTerms: coaching.repetitions.map((repetition) => repetition.text),
    jargonTerms: jargonTerms(tokens),
    delivery: delivery && {
      pitchVariabilitySemitones: delivery.pitchVariabilitySemitones,
      monotone: delivery.monotone,
      loudnessDbfs: delivery.rmsDbfs,
      tooQuiet: delivery.tooQuiet,
      clippingRatio: delivery.clippingRatio,
    },
  };
  const penalties = penaltiesFor({
    words: metrics.words,
    fillers: metrics.fillers,
    fillersPerMin,
    wpm,
    longPauses: metrics.longPauses,
    durationMs,
    avgSentenceWords: metrics.avgSentenceWords,
    repeatedTerms: metrics.repeatedTerms.length,
    targetDurationSec: input.targetDurationSec ?? null,
    delivery: metrics.delivery,
  });

  return {
    schemaVersion: 1,
    analyzerVersion: ANALYZER_VERSION,
    language,
    overallScore: overallScore(penalties),
    metrics,
    topActions: topActions(penalties, metrics, input.targetDurationSec ?? null),
    comments: commentsFor(timing, fillers, pauses, delivery ? withinSpeech(findMonotoneStretches(delivery.pitchTrack), timing?.units ?? null) : []),
    languageCoaching: coaching,
  };
}

/** Comments need times: none for typed text, unless the audio's own pauses were given. */
function commentsFor(
  timing: TokenTiming | null,
  fillers: readonly FillerHit[],
  pauses: PauseFindings | null,
  monotoneStretches: readonly TimeSpan[],
): TimedComment[] {
  return timedComments({
    fillerClusters: timing ? findFillerClusters(fillers.map((hit) => timedFiller(hit, timing))) : [],
    longPauses: pauses ? pauses.pauses.filter(isLongPause) : [],
    fastPassages: timing ? findFastPassages(timing.units) : [],
    monotoneStretches,
  });
}

function timedFiller(hit: FillerHit, timing: TokenTiming): TimedFiller {
  return {
    label: hit.label,
    tStartMs: timing.tokenSpans[hit.firstToken]!.tStartMs,
    tEndMs: timing.tokenSpans[hit.lastToken]!.tEndMs,
  };
}
