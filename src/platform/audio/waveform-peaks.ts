import { roundTo } from './round-to.js';

/**
 * The outline the UI draws: the recording cut into WAVEFORM_BINS = 48 equal spans of samples, each giving its largest
 * magnitude, 0..1 of full scale. Not normalized to the loudest bin on purpose: a quiet recording looks quiet, which
 * is the same thing the too-quiet hint says; the UI may scale for display. Spans of a recording shorter than 48
 * samples that hold no sample are 0.
 */
export const WAVEFORM_BINS = 48;

/** The peaks of a signal of known length fed in pieces: span b holds samples floor(b n / 48) to floor((b + 1) n / 48). */
export class WaveformPeakMeter {
  private readonly peaks: number[];
  private bin = 0;
  private seen = 0;

  constructor(
    private readonly totalSamples: number,
    private readonly bins = WAVEFORM_BINS,
  ) {
    this.peaks = new Array<number>(bins).fill(0);
  }

  push(samples: Float32Array): void {
    for (let index = 0; index < samples.length; index += 1, this.seen += 1) {
      while (this.seen >= Math.floor(((this.bin + 1) * this.totalSamples) / this.bins)) this.bin += 1;
      this.peaks[this.bin] = Math.max(this.peaks[this.bin] as number, Math.abs(samples[index] as number));
    }
  }

  result(): number[] {
    return this.peaks.map((peak) => roundTo(Math.min(1, peak), 3));
  }
}
