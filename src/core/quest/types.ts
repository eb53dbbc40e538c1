import type { Locale } from '../../contracts/locale.js';

export type { Locale };
import type { UtcTimestamp } from '../../kernel/time.js';

export type QuestCategory = 'start' | 'structure' | 'delivery' | 'pacing' | 'fillers' | 'closing' | 'qa' | 'free';

/** A quest in the speaker's language. */
export interface Quest {
  code: string;
  category: QuestCategory;
  outputType: 'text' | 'audio';
  estimatedSec: number;
  targetsIssues: string[];
  title: string;
  prompt: string;
  sortOrder: number;
}

export interface QuestAttempt {
  id: string;
  projectId: string;
  questCode: string;
  createdAt: UtcTimestamp;
  outputText: string | null;
  audioArtifactId: string | null;
  transcriptId: string | null;
  feedbackId: string | null;
}

export interface AttemptListItem {
  id: string;
  questCode: string;
  questTitle: string;
  outputType: 'text' | 'audio';
  createdAt: UtcTimestamp;
  hasAudio: boolean;
  hasTranscript: boolean;
  hasFeedback: boolean;
  feedbackId: string | null;
}

/** One line of the quest report: a quest and the latest attempt at it on this talk, if any. */
export interface QuestReportLine {
  quest: Quest;
  latestAttempt: AttemptListItem | null;
}

export const ATTEMPT_LIST_DEFAULT = 6;
export const ATTEMPT_LIST_MAX = 100;
export const ATTEMPT_TEXT_MAX = 20_000;
