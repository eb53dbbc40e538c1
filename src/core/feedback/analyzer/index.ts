/**
 * The speech-feedback analyzer: `analyzeTranscript(input)` turns a transcript (and, when known, the audio's duration
 * and pauses and the target duration) into FeedbackV1. Pure and deterministic; see analyze-transcript.ts.
 */
export { analyzeTranscript } from './analyze-transcript.js';
export { reviewMarks, type ReviewMarks, type ReviewWord } from './review-marks.js';
export { ANALYZER_VERSION } from './analyzer-version.js';
export type { AnalyzerInput, AudioPause } from './analyzer-input.js';
export {
  FeedbackV1Schema,
  type ActionId,
  type FeedbackMetrics,
  type FeedbackV1,
  type LocalizedText,
  type QuestCode,
  type Severity,
  type TimedComment,
  type TopAction,
  type WpmBand,
} from '../../../contracts/feedback-v1.js';
export { WPM_BANDS, wpmBandOf } from './wpm-band.js';
