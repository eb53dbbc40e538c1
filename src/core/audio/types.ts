export type { AudioMetrics } from '../../platform/audio/audio-metrics.js';

/** What an imported recording's artifact records about it (its metadata), beside the 16 kHz mono file itself. */
export interface AudioArtifactMetadata {
  source: 'upload' | 'recorder';
  durationMs: number;
  original: { sampleRate: number; channels: number; bitsPerSample: number; encoding: string };
  metrics: import('../../platform/audio/audio-metrics.js').AudioMetrics;
  /** The review page's waveform, added the first time the page asks for it (reviewPeaksOf). */
  reviewPeaks?: number[];
}
