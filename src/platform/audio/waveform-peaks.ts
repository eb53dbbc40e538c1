import { roundTo } from './round-to.js';

/**
 * The outline the UI draws: the recording cut into WAVEFORM_BINS = 48 equal spans of samples, each giving its largest
 * magnitude, 0..1 of full scale. Not normalized to the loudest bin on purpose: a quiet recording looks quiet, which
 * is the same thing the too-quiet hint says; the UI may scale for display. Spans of a recording shorter than 48
 * samples that hold no sample are 0.
 */
export const WAVEFORM_BINS = 48;

export function waveformPeaks(samples: Float32Array, bins = WAVEFORM_BINS): number[] {
  const peaks: number[] = [];
  for (let bin = 0; bin < bins; bin += 1) {
    const start = Math.floor((bin * samples.length) / bins);
    const end = Math.floor(((bin + 1) * samples.length) / bins);
    let peak = 0;
    for (let index = start; index < end; index += 1) peak = Math.max(peak, Math.abs(samples[index] as number));
    peaks.push(roundTo(Math.min(1, peak), 3));
  }
  return peaks;
}
