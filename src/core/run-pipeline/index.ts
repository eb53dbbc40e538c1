import { AppError } from '../../kernel/errors.js';
import type { DataStore } from '../../platform/db/data-store.js';
import { jobRegistryFor, type JobContext, type JobView } from '../../platform/jobs/job-registry.js';
import { discardStagedUpload, importAudio } from '../audio/index.js';
import { analyzeRun } from '../feedback/index.js';
import { AUDIO_TRIM_JOB, createRunWithAudio, getRun, type Run } from '../run/index.js';
import { existingProject } from '../talk/index.js';
import { readScriptAdherence } from '../transcript/index.js';
import { prepareTranscription } from '../transcription/index.js';
import type { ProfileSession } from '../workspace/index.js';
import { RUN_PIPELINE_JOB, type RunPipelineOptions, type RunPipelineResult } from './types.js';

export type * from './types.js';
export { RUN_PIPELINE_JOB } from './types.js';

/** The transcription's own progress (0-100) fills this much of the pipeline's bar; analysis takes the rest. */
const TRANSCRIPTION_SHARE = 0.9;

/**
 * Turns a staged recording into a run of a talk and starts its way to feedback: the audio is imported (converted and
 * measured), the run is created owning it in one transaction, then a `run_pipeline` job transcribes and analyses it.
 * Bad input (no such talk, no such upload, not audio) changes nothing; if the run cannot be written, the imported
 * audio is deleted again. Once the run exists it is never thrown away by a failing transcription: the job fails with
 * its reason and the run waits for a retry, a typed transcript or a delete.
 */
export async function recordRun(session: ProfileSession, projectId: string, uploadId: string, options: RunPipelineOptions): Promise<{ run: Run; job: JobView }> {
  try {
    existingProject(session.db, projectId);
  } catch (error) {
    // Voice data never waits in staging for an import that will not come.
    await discardStagedUpload(session.store, uploadId);
    throw error;
  }
  const { audioArtifactId } = await importAudio(session, uploadId);
  let run: Run;
  try {
    run = createRunWithAudio(session, projectId, audioArtifactId);
  } catch (error) {
    discardAudio(session, audioArtifactId);
    throw error;
  }
  return { run, job: startPipeline(session, run.id, options) };
}

/**
 * Resumes, retries or completes a run that has no feedback yet: answers the pipeline job already running for it (a
 * page reopened during its transcription), else starts a new one (after a failure, a cancel, a restart of Lectern, or
 * with a typed transcript). A run that has its transcript is only analysed.
 */
export function processRun(session: ProfileSession, runId: string, options: RunPipelineOptions): JobView {
  const run = getRun(session, runId);
  const running = runningPipeline(session.store, runId);
  if (running) return running;
  refuseWhileTrimmed(session.store, runId);
  if (!run.audioArtifactId && !run.transcriptId) throw new AppError('run_missing_audio', 'This run has no recording to transcribe; record it again.');
  return startPipeline(session, runId, options);
}

/** The newest pipeline job of a run in this Lectern process, or null (none started, or Lectern restarted since). */
export function runPipelineJob(session: ProfileSession, runId: string): JobView | null {
  getRun(session, runId);
  return jobRegistryFor(session.store).latestFor(RUN_PIPELINE_JOB, runId);
}

/**
 * A trim replaces the run's recording and then starts the pipeline itself; a retry asked meanwhile (from another tab)
 * would transcribe the recording the trim is about to delete.
 */
function refuseWhileTrimmed(store: DataStore, runId: string): void {
  if (jobRegistryFor(store).latestFor(AUDIO_TRIM_JOB, runId)?.status === 'running') {
    throw new AppError('run_being_trimmed', 'This run is being trimmed; it is analysed again as soon as the trim is done.');
  }
}

function runningPipeline(store: DataStore, runId: string): JobView | null {
  const job = jobRegistryFor(store).latestFor(RUN_PIPELINE_JOB, runId);
  return job?.status === 'running' ? job : null;
}

/** Starts a run's pipeline job (after Stop, a retry, or a trim that replaced its recording and transcript). */
export function startPipeline(session: ProfileSession, runId: string, options: RunPipelineOptions): JobView {
  return jobRegistryFor(session.store).start(RUN_PIPELINE_JOB, (context) => transcribeThenAnalyse(session, runId, options, context), runId);
}

async function transcribeThenAnalyse(session: ProfileSession, runId: string, options: RunPipelineOptions, context: JobContext): Promise<RunPipelineResult> {
  const run = getRun(session, runId);
  let transcriptId = run.transcriptId;
  if (!transcriptId || options.engine === 'manual') {
    // Checked inside the job, so that a missing engine or an empty typed text is the job's failure, said in words,
    // and the run stays for the next attempt.
    const transcribe = prepareTranscription(session, { audioArtifactId: run.audioArtifactId ?? '', ...options });
    const outcome = await transcribe({
      ...context,
      report: (progress) => context.report({ percent: progress.percent * TRANSCRIPTION_SHARE, stage: progress.stage }),
    });
    transcriptId = outcome.transcriptId;
  }
  context.report({ percent: TRANSCRIPTION_SHARE * 100 + 2, stage: 'analysing' });
  const { feedbackId } = analyzeRun(session, runId, options.engine === 'manual');
  // The adherence kept with the transcript (this job's alignment, or an earlier one when only analysis was left).
  return { runId, transcriptId, feedbackId, scriptAdherence: readScriptAdherence(session.artifacts, transcriptId) };
}

function discardAudio(session: ProfileSession, audioArtifactId: string): void {
  const artifacts = session.artifacts;
  const removed = session.db
    .transaction(() => artifacts.deleteRows([audioArtifactId]))
    .immediate();
  artifacts.removeFiles(removed);
}
