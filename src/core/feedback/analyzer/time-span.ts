/** A stretch of the recording, in ms from its start. */
export interface TimeSpan {
  tStartMs: number;
  tEndMs: number;
}

/** A stretch of speech whose word count is known: one timed word, or a whole segment when words have no times. */
export interface SpeechUnit extends TimeSpan {
  words: number;
}
