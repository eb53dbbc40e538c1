/**
 * What the reader accepts. The limits exist to refuse absurd headers before anything is allocated: a rehearsal is
 * minutes long, and a header claiming 0 Hz or 60 000 channels is damage or hostility, not a recording.
 */

/** Two hours: longer than any talk Lectern coaches, and about 230 MB once converted to 16 kHz PCM16. */
export const MAX_AUDIO_SECONDS = 2 * 60 * 60;

/** Below 1 kHz nothing of a voice survives; above 768 kHz no recorder exists. */
export const MIN_SAMPLE_RATE = 1000;
export const MAX_SAMPLE_RATE = 768_000;

/** Ambisonic and multitrack files stay far below this; more is a damaged header. */
export const MAX_CHANNELS = 32;

/** The rate every analysis and the speech recognizer work at. */
export const SPEECH_SAMPLE_RATE = 16_000;
