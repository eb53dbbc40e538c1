/** A stretch of speech, in milliseconds from the start of the recording. */
export interface SpeechSegment {
  tStartMs: number;
  tEndMs: number;
}

/** A silence between two stretches of speech. */
export interface Pause {
  tStartMs: number;
  tEndMs: number;
  durationMs: number;
}
