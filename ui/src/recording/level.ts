/** Level of one chunk: RMS and peak, both in [0, 1]. */
export interface ChunkLevel {
  rms: number;
  peak: number;
}

export function measureChunk(samples: Float32Array): ChunkLevel {
  let sumSquares = 0;
  let peak = 0;
  for (const sample of samples) {
    sumSquares += sample * sample;
    const magnitude = Math.abs(sample);
    if (magnitude > peak) peak = magnitude;
  }
  return { rms: samples.length ? Math.sqrt(sumSquares / samples.length) : 0, peak };
}

/** Meter position in [0, 1]: -60 dBFS maps to 0 and 0 dBFS to 1, so speech sits in the middle. */
export function meterValue(rms: number): number {
  if (rms <= 0) return 0;
  const dbfs = 20 * Math.log10(rms);
  return Math.max(0, Math.min(1, (dbfs + 60) / 60));
}

export type QualityHint = 'waiting' | 'good' | 'too_quiet' | 'clipping';

const CLIP_PEAK = 0.98;
const QUIET_RMS = 0.01; // about -40 dBFS: speech this loud at its loudest is too quiet to measure well
const WINDOW_MS = 3000;
const CLIP_HOLD_MS = 1500;

/**
 * Turns the live levels into one hint: clipping when a peak touched full scale in the last 1.5 s, too quiet when the
 * loudest moment of the last 3 s stayed under -40 dBFS, else good ("waiting" for the first 3 s).
 */
export class QualityTracker {
  private readonly recent: { at: number; rms: number }[] = [];
  private lastClipAt = -Infinity;
  private startedAt: number | null = null;

  push(level: ChunkLevel, at: number): QualityHint {
    this.startedAt ??= at;
    if (level.peak >= CLIP_PEAK) this.lastClipAt = at;
    this.recent.push({ at, rms: level.rms });
    while (this.recent.length > 0 && (this.recent[0]?.at ?? at) < at - WINDOW_MS) this.recent.shift();
    if (at - this.lastClipAt < CLIP_HOLD_MS) return 'clipping';
    if (at - this.startedAt < WINDOW_MS) return 'waiting';
    const loudest = this.recent.reduce((max, entry) => Math.max(max, entry.rms), 0);
    return loudest < QUIET_RMS ? 'too_quiet' : 'good';
  }
}
