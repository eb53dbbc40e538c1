/** Quests: short practice exercises, written or recorded. */
export type Locale = 'en' | 'fr';

export interface Quest {
  code: string;
  category: 'start' | 'structure' | 'delivery' | 'pacing' | 'fillers' | 'closing' | 'qa' | 'free';
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
  createdAt: string;
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
  createdAt: string;
  hasAudio: boolean;
  hasTranscript: boolean;
  hasFeedback: boolean;
  feedbackId: string | null;
}

export interface DailyQuest {
  quest: Quest;
  why: string;
  reason: 'weakest_area' | 'not_tried_yet' | 'least_recent';
  focusAction: string | null;
  dueBossRun: boolean;
  day: string;
}
