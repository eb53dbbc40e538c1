import type { UtcTimestamp } from '../../kernel/time.js';

export type { FeedbackV1 } from '../../contracts/feedback-v1.js';
import type { ReviewWord } from './analyzer/review-marks.js';
import type { ScriptAdherence } from '../../contracts/transcription.js';

export interface AnalysisResult {
  feedbackId: string;
  /** False when the subject already had feedback and no re-analysis was forced: nothing was written. */
  created: boolean;
}

export interface FeedbackContext {
  feedbackId: string;
  subjectType: 'run' | 'quest_attempt';
  projectId: string;
  runId: string | null;
  attemptId: string | null;
  questCode: string | null;
  questTitle: string | null;
}

export interface FeedbackReview {
  feedbackId: string;
  audioArtifactId: string | null;
  durationMs: number | null;
  peaks: number[];
  words: ReviewWord[];
  pauses: Array<{ tStartMs: number; tEndMs: number; long: boolean }>;
  fastPassages: Array<{ tStartMs: number; tEndMs: number; peakWpm: number }>;
  /** How the take followed the script it was aligned with; null when it was transcribed without one. */
  scriptAdherence: ScriptAdherence | null;
}

export interface TimelineItem {
  id: string;
  createdAt: UtcTimestamp;
  overallScore: number;
  subjectType: 'run' | 'quest_attempt';
  projectId: string;
  runId: string | null;
  attemptId: string | null;
  questCode: string | null;
  questTitle: string | null;
  noteUpdatedAt: UtcTimestamp | null;
  openedAt: UtcTimestamp | null;
}

export interface FeedbackNote {
  feedbackId: string;
  text: string | null;
  updatedAt: UtcTimestamp | null;
}

export const TIMELINE_DEFAULT = 30;
export const TIMELINE_MAX = 100;
export const NOTE_MAX = 5000;
