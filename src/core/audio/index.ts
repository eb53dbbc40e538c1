import { AppError } from '../../kernel/errors.js';
import type { ArtifactStore } from '../../platform/artifacts/artifact-store.js';
import { measureAudio, type AudioMetrics } from '../../platform/audio/audio-metrics.js';
import { toMono16k } from '../../platform/audio/to-mono-16k.js';
import { readWav } from '../../platform/audio/wav-reader.js';
import { writeWavPcm16 } from '../../platform/audio/wav-writer.js';
import type { DataStore } from '../../platform/db/data-store.js';
import { UploadStaging } from '../../platform/uploads/upload-staging.js';
import { profileArtifacts } from '../workspace/index.js';
import type { AudioArtifactMetadata } from './types.js';

export type * from './types.js';

export interface ImportedAudio {
  audioArtifactId: string;
  durationMs: number;
  speakingTimeMs: number;
  pauses: number;
  longPauses: number;
  monotone: boolean | null;
  tooQuiet: boolean;
  clippingRatio: number;
  waveformPeaks: number[];
}

/**
 * A recording handed in as a WAV file (any PCM or float format, rate and channel count): converted to 16 kHz mono
 * PCM16, measured (speech, pauses, pitch, loudness, clipping, waveform), and stored as an audio artifact whose metadata
 * carries the metrics. The staged upload is discarded once the artifact is committed.
 */
export function importAudio(store: DataStore, profileId: string, uploadId: string): ImportedAudio {
  const staging = new UploadStaging(store.layout.root);
  try {
    return importStagedAudio(profileArtifacts(store, profileId), staging.read(uploadId));
  } finally {
    // Voice data never waits in staging longer than the import: kept or refused, the upload goes.
    staging.discard(uploadId);
  }
}

function importStagedAudio(artifacts: ArtifactStore, bytes: Buffer): ImportedAudio {
  const decoded = readWav(bytes);
  const samples = toMono16k(decoded);
  const metrics = measureAudio(samples);
  const metadata: AudioArtifactMetadata = {
    source: 'upload',
    durationMs: metrics.durationMs,
    original: { sampleRate: decoded.sampleRate, channels: decoded.channels, bitsPerSample: decoded.format.bitsPerSample, encoding: decoded.format.encoding },
    metrics,
  };
  const audioArtifactId = artifacts.commitWith(
    [{ type: 'audio', extension: 'wav', data: writeWavPcm16(samples, 16_000), metadata: metadata as unknown as Record<string, unknown> }],
    ([staged]) => staged!.id,
  );
  return {
    audioArtifactId,
    durationMs: metrics.durationMs,
    speakingTimeMs: metrics.speakingTimeMs,
    pauses: metrics.pauses.length,
    longPauses: metrics.longPauses.length,
    monotone: metrics.pitch.monotone,
    tooQuiet: metrics.loudness.tooQuiet,
    clippingRatio: metrics.clippingRatio,
    waveformPeaks: metrics.waveformPeaks,
  };
}

/** The metrics stored with a recording, or null for audio stored without them. */
export function audioMetricsOf(artifacts: ArtifactStore, audioArtifactId: string): AudioMetrics | null {
  const row = artifacts.getOfType(audioArtifactId, 'audio');
  const metrics = (row.metadata as Partial<AudioArtifactMetadata>).metrics;
  return metrics && typeof metrics.durationMs === 'number' ? metrics : null;
}

export function requireAudioMetrics(artifacts: ArtifactStore, audioArtifactId: string): AudioMetrics {
  const metrics = audioMetricsOf(artifacts, audioArtifactId);
  if (!metrics) throw new AppError('audio_metrics_missing', 'This recording was stored without its measurements; import it again.');
  return metrics;
}
