import { SPEECH_SAMPLE_RATE } from './audio-limits.js';
import type { DecodedAudio } from './decoded-audio.js';
import { mixDownToMono } from './mix-down.js';
import { floatToPcm16 } from './pcm16.js';
import { resample } from './resample.js';

/**
 * The form every later step consumes: mono (channels averaged), 16 kHz (band-limited windowed-sinc resampling, see
 * resample.ts), PCM16 (rounded, clipped at the int16 limits). Pass the result to writeWavPcm16 for the recognizer.
 */
export function toMono16k(audio: DecodedAudio): Int16Array {
  const mono = mixDownToMono(audio.samples, audio.frames);
  return floatToPcm16(resample(mono, audio.sampleRate, SPEECH_SAMPLE_RATE));
}
