import type { UtcTimestamp } from '../../kernel/time.js';

export const TALK_STAGES = ['draft', 'builder', 'train', 'export', 'peer_review'] as const;
export type TalkStage = (typeof TALK_STAGES)[number];

export interface Project {
  id: string;
  title: string;
  audience: string | null;
  goal: string | null;
  durationTargetSec: number | null;
  talkNumber: number | null;
  stage: TalkStage;
  isTraining: boolean;
  createdAt: UtcTimestamp;
  updatedAt: UtcTimestamp;
}

export interface ProjectListItem extends Project {
  isActive: boolean;
}

/** What a speaker may set on a talk; absent fields keep their value, null clears an optional one. */
export interface ProjectChanges {
  title?: string;
  audience?: string | null;
  goal?: string | null;
  durationTargetSec?: number | null;
  stage?: TalkStage;
}

export interface Outline {
  projectId: string;
  markdown: string;
  /** Null while nothing is stored: the markdown is then the template. */
  updatedAt: UtcTimestamp | null;
}
