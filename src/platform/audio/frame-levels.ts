import { meanSquareToDbfs } from './decibels.js';

/** Short-time levels: one AES17 dBFS value per analysis frame. */
export interface FrameLevels {
  levelsDbfs: Float32Array;
  frameSamples: number;
  hopSamples: number;
  sampleRate: number;
}

/**
 * 20 ms frames every 10 ms. 20 ms is long enough to average over two pitch periods of a low voice (so voicing does
 * not flicker the level) and short enough to place a pause edge within a few milliseconds; the 10 ms hop is the time
 * resolution of every segment boundary. The last frames near the end average over the samples that exist.
 */
export const FRAME_MS = 20;
export const HOP_MS = 10;

export function measureFrameLevels(samples: Float32Array, sampleRate: number): FrameLevels {
  const frameSamples = Math.max(1, Math.round((sampleRate * FRAME_MS) / 1000));
  const hopSamples = Math.max(1, Math.round((sampleRate * HOP_MS) / 1000));
  const count = Math.ceil(samples.length / hopSamples);
  const levelsDbfs = new Float32Array(count);
  for (let frame = 0; frame < count; frame += 1) {
    const start = frame * hopSamples;
    const end = Math.min(samples.length, start + frameSamples);
    let sumOfSquares = 0;
    for (let index = start; index < end; index += 1) {
      const sample = samples[index] as number;
      sumOfSquares += sample * sample;
    }
    levelsDbfs[frame] = meanSquareToDbfs(sumOfSquares / (end - start));
  }
  return { levelsDbfs, frameSamples, hopSamples, sampleRate };
}

/** A frame's time is its centre: a burst that covers half a frame then moves the edge by half a frame at most. */
export function frameCentreMs(levels: FrameLevels, frame: number): number {
  return ((frame * levels.hopSamples + levels.frameSamples / 2) * 1000) / levels.sampleRate;
}
