import * as runs from '../core/run/index.js';
import * as pipeline from '../core/run-pipeline/index.js';
import * as trim from '../core/trim/index.js';
import { defineCommand } from './registry.js';

export const runCreate = defineCommand({
  name: 'run_create',
  handler: ({ store }, { profileId, projectId }) => ({ run: runs.createRun(store, profileId, projectId) }),
});

export const runAttachAudio = defineCommand({
  name: 'run_attach_audio',
  handler: ({ store }, { profileId, runId, audioArtifactId }) => ({ run: runs.attachAudio(store, profileId, runId, audioArtifactId) }),
});

export const runSetTranscript = defineCommand({
  name: 'run_set_transcript',
  handler: ({ store }, { profileId, runId, transcriptId }) => ({ run: runs.setTranscript(store, profileId, runId, transcriptId) }),
});

export const runGet = defineCommand({
  name: 'run_get',
  handler: ({ store }, { profileId, runId }) => ({ run: runs.getRun(store, profileId, runId) }),
});

export const runGetLatest = defineCommand({
  name: 'run_get_latest',
  handler: ({ store }, { profileId, projectId }) => ({ run: runs.getLatestRun(store, profileId, projectId) }),
});

export const runList = defineCommand({
  name: 'run_list',
  handler: ({ store }, { profileId, projectId, limit }) => ({ runs: runs.listRuns(store, profileId, projectId, limit) }),
});

export const runDelete = defineCommand({
  name: 'run_delete',
  handler: ({ store }, { profileId, runId }) => runs.deleteRun(store, profileId, runId),
});

export const runRecord = defineCommand({
  name: 'run_record',
  handler: ({ store }, { profileId, projectId, uploadId, ...options }) => pipeline.recordRun(store, profileId, projectId, uploadId, options),
});

export const runProcess = defineCommand({
  name: 'run_process',
  handler: ({ store }, { profileId, runId, ...options }) => ({ job: pipeline.processRun(store, profileId, runId, options) }),
});

export const runJobGet = defineCommand({
  name: 'run_job_get',
  handler: ({ store }, { profileId, runId }) => ({ job: pipeline.runPipelineJob(store, profileId, runId) }),
});

export const runTrimGet = defineCommand({
  name: 'run_trim_get',
  handler: ({ store }, { profileId, runId }) => trim.trimPlan(store, profileId, runId),
});

export const runTrim = defineCommand({
  name: 'run_trim',
  handler: ({ store }, { profileId, runId, startMs, endMs }) => trim.trimRun(store, profileId, runId, { startMs, endMs }),
});

export const RUN_COMMANDS = [runCreate, runAttachAudio, runSetTranscript, runGet, runGetLatest, runList, runDelete, runRecord, runProcess, runJobGet, runTrimGet, runTrim];
