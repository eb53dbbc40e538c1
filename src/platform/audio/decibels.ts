/**
 * Levels in dBFS follow AES17: a full-scale sine reads 0 dBFS RMS, so a sine "at -20 dBFS" (peak 0.1) reads -20
 * both as RMS and as peak. Plain 20 log10(rms) (what `sox stat` prints) reads 3.01 dB lower for the same signal.
 */
export const SILENCE_DBFS = -120;

/** Mean square of samples in -1..1 to an AES17 RMS level, floored at SILENCE_DBFS for digital silence. */
export function meanSquareToDbfs(meanSquare: number): number {
  if (!(meanSquare > 0)) return SILENCE_DBFS;
  return Math.max(SILENCE_DBFS, 10 * Math.log10(2 * meanSquare));
}

/** A peak magnitude (0..1) in dBFS, floored at SILENCE_DBFS. */
export function amplitudeToDbfs(amplitude: number): number {
  if (!(amplitude > 0)) return SILENCE_DBFS;
  return Math.max(SILENCE_DBFS, 20 * Math.log10(amplitude));
}
