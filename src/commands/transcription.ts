import { discardStagedUpload, importAudio } from '../core/audio/index.js';
import * as transcription from '../core/transcription/index.js';
import { defineCommand, defineProfileCommand } from './registry.js';

export const asrStatus = defineCommand({
  name: 'asr_status',
  handler: ({ store }) => transcription.asrStatus(store),
});

export const audioImport = defineProfileCommand({
  name: 'audio_import',
  handler: (session, { uploadId }) => importAudio(session, uploadId),
  onProfileRefused: ({ store }, { uploadId }) => discardStagedUpload(store, uploadId),
});

export const transcribeAudio = defineProfileCommand({
  name: 'transcribe_audio',
  handler: (session, request) => ({ jobId: transcription.startTranscription(session, request).id }),
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
