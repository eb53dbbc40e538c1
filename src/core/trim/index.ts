import type { Database } from 'better-sqlite3';
import { AppError } from '../../kernel/errors.js';
import { nowUtc } from '../../kernel/time.js';
import type { ArtifactRow, ArtifactStore } from '../../platform/artifacts/artifact-store.js';
import { convertWavInWorker } from '../../platform/audio/convert-in-worker.js';
import type { FrameRange } from '../../platform/audio/convert-wav-file.js';
import { storedWavLength } from '../../platform/audio/stored-wav-length.js';
import { jobRegistryFor, type JobContext, type JobView } from '../../platform/jobs/job-registry.js';
import { audioMetricsOf, reviewPeaksOf, type AudioArtifactMetadata } from '../audio/index.js';
import { deleteRunFeedback } from '../feedback/index.js';
import { clearRunTranscript, existingRun, getRun, isArtifactReferenced, setRunAudio, type Run } from '../run/index.js';
import { RUN_PIPELINE_JOB, startPipeline, type RunPipelineOptions } from '../run-pipeline/index.js';
import { getTranscript, getTranscriptOrigin, transcriptText } from '../transcript/index.js';
import type { ProfileSession } from '../workspace/index.js';
import { framesToKeep, suggestedTrim } from './trim-range.js';
import { AUDIO_TRIM_JOB, type TrimPlan, type TrimRange, type TrimRecord } from './types.js';

export type * from './types.js';
export { AUDIO_TRIM_JOB } from './types.js';

/** Transcripts made from the speaker's own words: after a trim they are laid over the new recording again. */
const TYPED_SOURCES = new Set(['manual', 'typed', 'document', 'edit']);

/** What the trim page needs: the run's recording, its length and waveform, and the suggested trim. */
export async function trimPlan(session: ProfileSession, runId: string): Promise<TrimPlan> {
  const { artifacts } = session;
  const audioArtifactId = recordingOf(getRun(session, runId));
  const { durationMs } = storedWavLength(artifacts.fileOf(audioArtifactId));
  const speech = audioMetricsOf(artifacts, audioArtifactId)?.speechSegments ?? [];
  return { audioArtifactId, durationMs, peaks: await reviewPeaksOf(artifacts, audioArtifactId), suggestion: suggestedTrim(speech, durationMs) };
}

/**
 * Keeps only `[startMs, endMs)` of a run's recording, then analyses the run again. The trimmed file is written by a
 * worker thread (an `audio_trim` job: the event loop stays free, and the job can be cancelled), then one transaction
 * puts it in place of the original and removes what described the original: its transcript and every analysis of the
 * run (with their notes). The original's row goes in that transaction, its file after the commit; a failure before the
 * commit removes the trimmed file and leaves everything as it was. Peer reviews stay: they are the reviewer's words
 * about the recording they heard. Finally a `run_pipeline` job transcribes (a typed transcript is laid over the new
 * recording again) and analyses the trimmed recording. A bad range, or a run being transcribed or trimmed, is refused
 * before anything is written.
 */
export async function trimRun(session: ProfileSession, runId: string, range: TrimRange): Promise<{ run: Run; job: JobView }> {
  const { artifacts, store } = session;
  const run = getRun(session, runId);
  const originalId = recordingOf(run);
  refuseWhileBusy(store, runId);
  const source = artifacts.fileOf(originalId);
  const length = storedWavLength(source);
  const frames = framesToKeep(range, length);
  const options = reanalysisOptions(session, run.transcriptId);
  const trim = { ...range, untrimmedDurationMs: length.durationMs, trimmedAt: nowUtc(session.clock) };
  const jobs = jobRegistryFor(store);
  const job = jobs.start(AUDIO_TRIM_JOB, (context) => writeTrimmedRecording(session.db, artifacts, { runId, originalId, source, frames, trim }, context), runId);
  await jobs.outcome(job.id);
  return { run: getRun(session, runId), job: startPipeline(session, runId, options) };
}

interface TrimWork {
  runId: string;
  originalId: string;
  source: string;
  frames: FrameRange;
  trim: TrimRecord;
}

async function writeTrimmedRecording(db: Database, artifacts: ArtifactStore, work: TrimWork, { signal, report, beginCommit }: JobContext): Promise<void> {
  const reserved = artifacts.reserve('audio', 'wav');
  try {
    report({ percent: 1, stage: 'trimming' });
    const converted = await convertWavInWorker(work.source, reserved.tempPath, {
      signal,
      range: work.frames,
      onProgress: (done) => report({ percent: 2 + done * 93, stage: 'trimming' }),
    });
    if (signal.aborted) throw new AppError('job_cancelled', 'The trim was cancelled; the recording was not changed.');
    beginCommit();
    report({ percent: 97, stage: 'saving' });
    await artifacts.placeReserved(reserved);
    const original = artifacts.get(work.originalId).metadata as Partial<AudioArtifactMetadata>;
    const metadata = {
      source: original.source ?? 'upload',
      durationMs: converted.metrics.durationMs,
      original: original.original ?? converted.original,
      metrics: converted.metrics,
      trim: work.trim,
    };
    const removed = artifacts.commitWith(
      [{ type: 'audio', extension: 'wav', id: reserved.id, data: { placed: true, sha256: converted.sha256, bytes: converted.bytes }, metadata }],
      ([staged]) => replaceRecording(db, artifacts, work, staged!.id),
    );
    artifacts.removeFiles(removed);
  } finally {
    // Once placed, the temp file is gone (and a failed commit removed the placed file); otherwise this removes the
    // partial file.
    artifacts.release(reserved);
  }
}

/** Inside the commit's transaction: the run takes the trimmed recording; what described the original goes. */
function replaceRecording(db: Database, artifacts: ArtifactStore, work: TrimWork, trimmedId: string): ArtifactRow[] {
  const run = existingRun(db, work.runId);
  if (run.audioArtifactId !== work.originalId) {
    throw new AppError('trim_blocked_job_running', 'The run’s recording changed while it was trimmed; nothing was changed.');
  }
  setRunAudio(db, work.runId, trimmedId);
  clearRunTranscript(db, work.runId);
  const feedbackFiles = deleteRunFeedback(db, work.runId);
  const candidates = [work.originalId, ...(run.transcriptId ? [run.transcriptId] : []), ...feedbackFiles];
  return artifacts.deleteRows(candidates.filter((id) => !isArtifactReferenced(db, id)));
}

function recordingOf(run: Run): string {
  if (!run.audioArtifactId) throw new AppError('run_missing_audio', 'This run has no recording to trim.');
  return run.audioArtifactId;
}

/** A transcription or a trim of this run still running would write about the recording this trim replaces. */
function refuseWhileBusy(store: ProfileSession['store'], runId: string): void {
  const jobs = jobRegistryFor(store);
  const busy = [RUN_PIPELINE_JOB, AUDIO_TRIM_JOB].some((kind) => jobs.latestFor(kind, runId)?.status === 'running');
  if (busy) throw new AppError('trim_blocked_job_running', 'This run is being transcribed or trimmed; wait for it to finish, then trim.');
}

/**
 * How the trimmed recording is transcribed: words the speaker typed (or edited) are laid over it again, in their
 * language; a machine transcript is made again by the engine Lectern picks for its language.
 */
function reanalysisOptions(session: ProfileSession, transcriptId: string | null): RunPipelineOptions {
  if (!transcriptId) return {};
  const transcript = getTranscript(session, transcriptId);
  const { source } = getTranscriptOrigin(session, transcriptId);
  const text = transcriptText(transcript);
  if (source !== null && TYPED_SOURCES.has(source) && text.trim().length > 0) return { engine: 'manual', scriptText: text, language: transcript.language };
  return { language: transcript.language };
}
