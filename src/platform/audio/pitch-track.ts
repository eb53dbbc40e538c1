import { resampledLength, StreamingResampler } from './resample.js';
import { SampleWindow } from './sample-window.js';
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
const HOP_SAMPLES = (ANALYSIS_RATE * PITCH_HOP_MS) / 1000;

/** How many pitch estimates a signal of `totalSamples` at `sampleRate` gets (one per hop whose frame fits). */
export function pitchPointCount(totalSamples: number, sampleRate: number): number {
  const analysed = resampledLength(totalSamples, sampleRate, ANALYSIS_RATE);
  const frameSamples = yinFrameSamples(SETTINGS);
  return analysed < frameSamples ? 0 : Math.floor((analysed - frameSamples) / HOP_SAMPLES) + 1;
}

/**
 * Tracks the pitch of a signal fed in pieces, once its speech segments are known (the second pass): the signal is
 * resampled to 8 kHz as it arrives, each frame is estimated as soon as it is complete, and each point goes to
 * `onPoint` in time order. Only the samples of frames still to come are kept.
 */
export class PitchTracker {
  private readonly resampler: StreamingResampler;
  private readonly window = new SampleWindow();
  private readonly frameSamples = yinFrameSamples(SETTINGS);
  private readonly difference = new Float64Array(longestLag(SETTINGS) + 2);
  private segmentIndex = 0;
  private nextStart = 0;

  constructor(
    sampleRate: number,
    private readonly speech: readonly SpeechSegment[],
    private readonly onPoint: (point: PitchPoint) => void,
  ) {
    this.resampler = new StreamingResampler(sampleRate, ANALYSIS_RATE);
  }

  push(samples: Float32Array): void {
    this.track(this.resampler.push(samples));
  }

  finish(): void {
    this.track(this.resampler.finish());
  }

  private track(analysed: Float32Array): void {
    this.window.append(analysed);
    const signal = this.window.view();
    for (; this.nextStart + this.frameSamples <= this.window.end; this.nextStart += HOP_SAMPLES) {
      const tMs = ((this.nextStart + this.frameSamples / 2) * 1000) / ANALYSIS_RATE;
      // Segments are in time order, so one forward pointer finds the segment of every frame.
      while (this.segmentIndex < this.speech.length && (this.speech[this.segmentIndex] as SpeechSegment).tEndMs < tMs) this.segmentIndex += 1;
      const segment = this.speech[this.segmentIndex];
      const inSpeech = segment !== undefined && segment.tStartMs <= tMs;
      this.onPoint({ tMs, hz: inSpeech ? estimatePitchYin(signal, this.nextStart - this.window.start, SETTINGS, this.difference) : null });
    }
    this.window.dropBefore(this.nextStart);
  }
}
