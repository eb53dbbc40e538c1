import { importAudio } from '../core/audio/index.js';
import * as transcription from '../core/transcription/index.js';
import { defineCommand } from './registry.js';

export const asrStatus = defineCommand({
  name: 'asr_status',
  handler: ({ store }) => transcription.asrStatus(store),
});

export const audioImport = defineCommand({
  name: 'audio_import',
  handler: ({ store }, { profileId, uploadId }) => importAudio(store, profileId, uploadId),
});

export const transcribeAudio = defineCommand({
  name: 'transcribe_audio',
  handler: ({ store }, { profileId, ...request }) => ({ jobId: transcription.startTranscription(store, profileId, request).id }),
});

export const jobGet = defineCommand({
  name: 'job_get',
  handler: ({ store }, { jobId }) => ({ job: transcription.getJob(store, jobId) }),
});

export const jobCancel = defineCommand({
  name: 'job_cancel',
  handler: ({ store }, { jobId }) => ({ job: transcription.cancelJob(store, jobId) }),
});

export const TRANSCRIPTION_COMMANDS = [asrStatus, audioImport, transcribeAudio, jobGet, jobCancel];
