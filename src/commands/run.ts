import { discardStagedUpload } from '../core/audio/index.js';
import * as runs from '../core/run/index.js';
import * as pipeline from '../core/run-pipeline/index.js';
import { defineProfileCommand } from './registry.js';

export const runCreate = defineProfileCommand({
  name: 'run_create',
  handler: (session, { projectId }) => ({ run: runs.createRun(session, projectId) }),
});

export const runAttachAudio = defineProfileCommand({
  name: 'run_attach_audio',
  handler: (session, { runId, audioArtifactId }) => ({ run: runs.attachAudio(session, runId, audioArtifactId) }),
});

export const runSetTranscript = defineProfileCommand({
  name: 'run_set_transcript',
  handler: (session, { runId, transcriptId }) => ({ run: runs.setTranscript(session, runId, transcriptId) }),
});

export const runGet = defineProfileCommand({
  name: 'run_get',
  handler: (session, { runId }) => ({ run: runs.getRun(session, runId) }),
});

export const runGetLatest = defineProfileCommand({
  name: 'run_get_latest',
  handler: (session, { projectId }) => ({ run: runs.getLatestRun(session, projectId) }),
});

export const runList = defineProfileCommand({
  name: 'run_list',
  handler: (session, { projectId, limit }) => ({ runs: runs.listRuns(session, projectId, limit) }),
});

export const runDelete = defineProfileCommand({
  name: 'run_delete',
  handler: (session, { runId }) => runs.deleteRun(session, runId),
});

export const runRecord = defineProfileCommand({
  name: 'run_record',
  handler: (session, { projectId, uploadId, ...options }) => pipeline.recordRun(session, projectId, uploadId, options),
  onProfileRefused: ({ store }, { uploadId }) => discardStagedUpload(store, uploadId),
});

export const runProcess = defineProfileCommand({
  name: 'run_process',
  handler: (session, { runId, ...options }) => ({ job: pipeline.processRun(session, runId, options) }),
});

export const runJobGet = defineProfileCommand({
  name: 'run_job_get',
  handler: (session, { runId }) => ({ job: pipeline.runPipelineJob(session, runId) }),
});

export const RUN_COMMANDS = [runCreate, runAttachAudio, runSetTranscript, runGet, runGetLatest, runList, runDelete, runRecord, runProcess, runJobGet];
