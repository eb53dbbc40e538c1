/** Runs: one recorded rehearsal of a talk. */
export interface Run {
  id: string;
  projectId: string;
  createdAt: string;
  audioArtifactId: string | null;
  transcriptId: string | null;
  feedbackId: string | null;
}

export interface TranscriptWord {
  tStartMs: number;
  tEndMs: number;
  text: string;
  confidence?: number;
}

export interface TranscriptSegment {
  tStartMs: number;
  tEndMs: number;
  text: string;
  words?: TranscriptWord[];
}

export interface TranscriptV1 {
  schemaVersion: 1;
  language: 'en' | 'fr';
  durationMs: number | null;
  segments: TranscriptSegment[];
}
