import {
  AsrStatusPayloadSchema,
  AsrStatusResultSchema,
  AudioImportPayloadSchema,
  AudioImportResultSchema,
  JobRefPayloadSchema,
  JobResultSchema,
  TranscribeAudioPayloadSchema,
  TranscribeAudioResultSchema,
} from '../contracts/transcription.js';
import { importAudio } from '../core/audio/index.js';
import * as transcription from '../core/transcription/index.js';
import { defineCommand } from './registry.js';

export const asrStatus = defineCommand({
  name: 'asr_status',
  payload: AsrStatusPayloadSchema,
  result: AsrStatusResultSchema,
  handler: ({ store }) => transcription.asrStatus(store),
});

export const audioImport = defineCommand({
  name: 'audio_import',
  payload: AudioImportPayloadSchema,
  result: AudioImportResultSchema,
  handler: ({ store }, { profileId, uploadId }) => importAudio(store, profileId, uploadId),
});

export const transcribeAudio = defineCommand({
  name: 'transcribe_audio',
  payload: TranscribeAudioPayloadSchema,
  result: TranscribeAudioResultSchema,
  handler: ({ store }, { profileId, ...request }) => ({ jobId: transcription.startTranscription(store, profileId, request).id }),
});

export const jobGet = defineCommand({
  name: 'job_get',
  payload: JobRefPayloadSchema,
  result: JobResultSchema,
  handler: ({ store }, { jobId }) => ({ job: transcription.getJob(store, jobId) }),
});

export const jobCancel = defineCommand({
  name: 'job_cancel',
  payload: JobRefPayloadSchema,
  result: JobResultSchema,
  handler: ({ store }, { jobId }) => ({ job: transcription.cancelJob(store, jobId) }),
});

export const TRANSCRIPTION_COMMANDS = [asrStatus, audioImport, transcribeAudio, jobGet, jobCancel];
