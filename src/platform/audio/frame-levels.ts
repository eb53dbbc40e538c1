import { meanSquareToDbfs } from './decibels.js';
import { SampleWindow } from './sample-window.js';

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

/**
 * Measures the frame levels of a signal of known length fed in pieces of any size: each frame is computed as soon as
 * its samples have all arrived, and only the samples of frames still to come are kept (4 bytes per 10 ms of levels
 * are, about 1.4 MB per hour).
 */
export class FrameLevelMeter {
  readonly levels: FrameLevels;
  private readonly window = new SampleWindow();
  private next = 0;

  constructor(
    private readonly totalSamples: number,
    sampleRate: number,
  ) {
    const frameSamples = Math.max(1, Math.round((sampleRate * FRAME_MS) / 1000));
    const hopSamples = Math.max(1, Math.round((sampleRate * HOP_MS) / 1000));
    this.levels = { levelsDbfs: new Float32Array(Math.ceil(totalSamples / hopSamples)), frameSamples, hopSamples, sampleRate };
  }

  push(samples: Float32Array): void {
    this.window.append(samples);
    const { levelsDbfs, frameSamples, hopSamples } = this.levels;
    const held = this.window.view();
    for (; this.next < levelsDbfs.length; this.next += 1) {
      const start = this.next * hopSamples;
      const end = Math.min(this.totalSamples, start + frameSamples);
      if (end > this.window.end) break;
      let sumOfSquares = 0;
      for (let index = start - this.window.start; index < end - this.window.start; index += 1) {
        const sample = held[index] as number;
        sumOfSquares += sample * sample;
      }
      levelsDbfs[this.next] = meanSquareToDbfs(sumOfSquares / (end - start));
    }
    this.window.dropBefore(this.next * hopSamples);
  }
}

/** A frame's time is its centre: a burst that covers half a frame then moves the edge by half a frame at most. */
export function frameCentreMs(levels: FrameLevels, frame: number): number {
  return ((frame * levels.hopSamples + levels.frameSamples / 2) * 1000) / levels.sampleRate;
}
