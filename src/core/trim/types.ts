export { AUDIO_TRIM_JOB } from '../run/index.js';

/** A part of a recording in whole milliseconds from its start: `startMs` included, `endMs` excluded. */
export interface TrimRange {
  startMs: number;
  endMs: number;
}

/** What the trim page draws: the run's recording, its length, its waveform, and the trim Lectern suggests. */
export interface TrimPlan {
  audioArtifactId: string;
  durationMs: number;
  peaks: number[];
  /** From the first stretch of speech to the last, with a margin; null when no speech was found or nothing is to cut. */
  suggestion: TrimRange | null;
}

/** What the trimmed recording's artifact records about the trim, beside the usual audio metadata. */
export interface TrimRecord extends TrimRange {
  untrimmedDurationMs: number;
  trimmedAt: string;
}
