/** FeedbackV1 and what surrounds it (context, notes, timeline). */
export interface LocalizedText {
  en: string;
  fr: string;
}

export type WpmBand = 'too_slow' | 'slow' | 'ideal' | 'fast' | 'too_fast';

export interface TopAction {
  id: string;
  title: LocalizedText;
  why: LocalizedText;
  how: LocalizedText;
  targetQuestCodes: string[];
}

export interface TimedComment {
  tStartMs: number;
  tEndMs: number;
  severity: 'info' | 'warning' | 'critical';
  label: LocalizedText;
  suggestion: LocalizedText;
}

export interface DeliveryMetrics {
  pitchVariabilitySemitones: number | null;
  monotone: boolean | null;
  loudnessDbfs: number;
  tooQuiet: boolean;
  clippingRatio: number;
}

export interface FeedbackMetrics {
  durationMs: number | null;
  words: number;
  wpm: number | null;
  wpmBand: WpmBand | null;
  fillers: number;
  fillersPerMin: number | null;
  fillerBreakdown: Record<string, number>;
  pauses: number | null;
  longPauses: number | null;
  sentences: number;
  avgSentenceWords: number;
  longSentences: number;
  repeatedTerms: string[];
  jargonTerms: string[];
  delivery?: DeliveryMetrics | null;
}

export interface FeedbackV1 {
  schemaVersion: 1;
  analyzerVersion: number;
  language: 'en' | 'fr';
  overallScore: number;
  metrics: FeedbackMetrics;
  topActions: TopAction[];
  comments: TimedComment[];
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

export interface FeedbackNote {
  feedbackId: string;
  text: string | null;
  updatedAt: string | null;
}

export interface TimelineItem {
  id: string;
  createdAt: string;
  overallScore: number;
  subjectType: 'run' | 'quest_attempt';
  projectId: string;
  runId: string | null;
  attemptId: string | null;
  questCode: string | null;
  questTitle: string | null;
  noteUpdatedAt: string | null;
}

export interface AnalysisResult {
  feedbackId: string;
  created: boolean;
}
