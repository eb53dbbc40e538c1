/** Talks and outlines (profile database). */
export type TalkStage = 'draft' | 'builder' | 'train' | 'export' | 'peer_review';

export const TALK_STAGES: readonly TalkStage[] = ['draft', 'builder', 'train', 'export', 'peer_review'];

export interface Project {
  id: string;
  title: string;
  audience: string | null;
  goal: string | null;
  durationTargetSec: number | null;
  talkNumber: number | null;
  stage: TalkStage;
  isTraining: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectListItem extends Project {
  isActive: boolean;
}

export interface Outline {
  projectId: string;
  markdown: string;
  /** Null while nothing is saved: the markdown is then the template. */
  updatedAt: string | null;
}
