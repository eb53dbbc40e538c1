import type { UtcTimestamp } from '../../kernel/time.js';

/** A quick recording not tied to a talk: an idea, a line to try. It owns its recording. */
export interface VoiceMemo {
  id: string;
  /** Null until the speaker names it. */
  title: string | null;
  audioArtifactId: string;
  durationMs: number;
  createdAt: UtcTimestamp;
  updatedAt: UtcTimestamp;
}

export const MEMO_LIST_DEFAULT = 50;
export const MEMO_LIST_MAX = 200;
