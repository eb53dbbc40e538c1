import { resample } from './resample.js';
import type { SpeechSegment } from './speech-segment.js';
import { estimatePitchYin, longestLag, yinFrameSamples, type YinSettings } from './yin.js';

/** One pitch estimate; hz is null outside speech and where the voice is not periodic (unvoiced sounds, noise). */
export interface PitchPoint {
  tMs: number;
  hz: number | null;
}

/**
 * Pitch is tracked with YIN (yin.ts) every PITCH_HOP_MS = 10 ms, on speech segments only:
 * - analysis at 8 kHz (band-limited by resample.ts): a 400 Hz voice and its first harmonics are far below 4 kHz, and
 *   YIN's cost falls fourfold against 16 kHz;
 * - search range 60-400 Hz: a low male voice to a high child's voice;
 * - 30 ms integration window (one and a half periods at 60 Hz), so a frame reads 30 ms + the longest period, ~47 ms;
 * - threshold 0.15 on the normalized difference, the permissive end of the 0.10-0.15 the YIN paper found best: on
 *   synthesized speech (espeak-ng) 0.10 left two thirds of the voiced frames without an estimate, while the median
 *   and the octave filter of pitch-summary.ts absorb the few doubtful frames 0.15 lets in. Above it the frame is
 *   unvoiced (null) instead of being given a doubtful pitch.
 */
export const PITCH_MIN_HZ = 60;
export const PITCH_MAX_HZ = 400;
export const YIN_THRESHOLD = 0.15;
export const PITCH_HOP_MS = 10;
const ANALYSIS_RATE = 8000;
const WINDOW_MS = 30;

const SETTINGS: YinSettings = {
  sampleRate: ANALYSIS_RATE,
  minHz: PITCH_MIN_HZ,
  maxHz: PITCH_MAX_HZ,
  threshold: YIN_THRESHOLD,
  windowSamples: (ANALYSIS_RATE * WINDOW_MS) / 1000,
};

export function trackPitch(samples: Float32Array, sampleRate: number, speech: readonly SpeechSegment[]): PitchPoint[] {
  const signal = resample(samples, sampleRate, ANALYSIS_RATE);
  const hop = (ANALYSIS_RATE * PITCH_HOP_MS) / 1000;
  const frameSamples = yinFrameSamples(SETTINGS);
  const difference = new Float64Array(longestLag(SETTINGS) + 2);
  const points: PitchPoint[] = [];
  let segmentIndex = 0;
  for (let start = 0; start + frameSamples <= signal.length; start += hop) {
    const tMs = ((start + frameSamples / 2) * 1000) / ANALYSIS_RATE;
    // Segments are in time order, so one forward pointer finds the segment of every frame.
    while (segmentIndex < speech.length && (speech[segmentIndex] as SpeechSegment).tEndMs < tMs) segmentIndex += 1;
    const segment = speech[segmentIndex];
    const inSpeech = segment !== undefined && segment.tStartMs <= tMs;
    points.push({ tMs, hz: inSpeech ? estimatePitchYin(signal, start, SETTINGS, difference) : null });
  }
  return points;
}
