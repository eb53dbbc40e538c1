import { AppError } from '../../kernel/errors.js';
import type { ArtifactStore } from '../../platform/artifacts/artifact-store.js';
import type { AudioMetrics } from '../../platform/audio/audio-metrics.js';
import { convertWavInWorker } from '../../platform/audio/convert-in-worker.js';
import { measureReviewPeaks, REVIEW_PEAK_BINS } from '../../platform/audio/review-peaks.js';
import type { DataStore } from '../../platform/db/data-store.js';
import { jobRegistryFor, type JobContext } from '../../platform/jobs/job-registry.js';
import { UploadStaging } from '../../platform/uploads/upload-staging.js';
import type { ProfileSession } from '../workspace/index.js';
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
 * carries the metrics. The work runs as an `audio_import` job (progress on the job events, cancellable with
 * job_cancel) whose decoding and measuring happen in a worker thread, streaming the file from disk: the event loop
 * stays free and memory does not grow with the recording's length. Resolves when the job has settled. The staged
 * upload is discarded whatever happens, refused, failed or cancelled included.
 */
export async function importAudio(session: ProfileSession, uploadId: string): Promise<ImportedAudio> {
  const staging = new UploadStaging(session.store.layout.root);
  try {
    const artifacts = session.artifacts;
    const source = staging.fileOf(uploadId);
    const jobs = jobRegistryFor(session.store);
    const job = jobs.start('audio_import', (context) => importStagedAudio(artifacts, source, context));
    return (await jobs.outcome(job.id)) as ImportedAudio;
  } finally {
    // Voice data never waits in staging longer than the import: kept or refused, the upload goes (removed off the
    // event loop: it may be 300 MiB).
    await staging.discardInBackground(uploadId);
  }
}

/** Removes a staged upload that no import will consume (off the event loop: it may be 300 MiB). */
export function discardStagedUpload(store: DataStore, uploadId: string): Promise<void> {
  return new UploadStaging(store.layout.root).discardInBackground(uploadId);
}

async function importStagedAudio(artifacts: ArtifactStore, source: string, { signal, report, beginCommit }: JobContext): Promise<ImportedAudio> {
  const reserved = artifacts.reserve('audio', 'wav');
  try {
    report({ percent: 1, stage: 'converting' });
    const converted = await convertWavInWorker(source, reserved.tempPath, {
      signal,
      onProgress: (done) => report({ percent: 2 + done * 93, stage: done < 0.75 ? 'converting' : 'measuring' }),
    });
    if (signal.aborted) throw new AppError('job_cancelled', 'The import was cancelled; nothing was saved.');
    beginCommit();
    report({ percent: 97, stage: 'saving' });
    await artifacts.placeReserved(reserved);
    const { metrics, original } = converted;
    const metadata: AudioArtifactMetadata = { source: 'upload', durationMs: metrics.durationMs, original, metrics };
    const audioArtifactId = artifacts.commitWith(
      [{ type: 'audio', extension: 'wav', id: reserved.id, data: { placed: true, sha256: converted.sha256, bytes: converted.bytes }, metadata: metadata as unknown as Record<string, unknown> }],
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
  } finally {
    // Once placed, the temp file is gone (and a failed commit removed the placed file); otherwise this removes the
    // partial conversion.
    artifacts.release(reserved);
  }
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

/**
 * The review page's waveform of a recording (REVIEW_PEAK_BINS peaks), measured from the stored file the first time it
 * is asked for and cached in the artifact's metadata: the file never changes, and the cache goes with the recording
 * when its run is deleted.
 */
export async function reviewPeaksOf(artifacts: ArtifactStore, audioArtifactId: string): Promise<number[]> {
  const row = artifacts.getOfType(audioArtifactId, 'audio');
  const cached = (row.metadata as Partial<AudioArtifactMetadata>).reviewPeaks;
  if (Array.isArray(cached) && cached.length === REVIEW_PEAK_BINS) return cached;
  const peaks = await measureReviewPeaks(artifacts.fileOf(audioArtifactId));
  artifacts.addMetadata(audioArtifactId, { reviewPeaks: peaks });
  return peaks;
}
