import type { UtcTimestamp } from '../../kernel/time.js';

/** One full rehearsal of a talk ("Boss run"). Its current feedback is its newest analysis. */
export interface Run {
  id: string;
  projectId: string;
  createdAt: UtcTimestamp;
  audioArtifactId: string | null;
  transcriptId: string | null;
  feedbackId: string | null;
}

export const RUN_LIST_DEFAULT = 12;
export const RUN_LIST_MAX = 100;
