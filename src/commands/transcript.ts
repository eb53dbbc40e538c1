import {
  TranscriptEditPayloadSchema,
  TranscriptExportPayloadSchema,
  TranscriptExportResultSchema,
  TranscriptRefPayloadSchema,
  TranscriptResultSchema,
  TranscriptSavedResultSchema,
  TranscriptSavePayloadSchema,
} from '../contracts/run.js';
import * as transcripts from '../core/transcript/index.js';
import { AppError } from '../kernel/errors.js';
import { defineCommand } from './registry.js';

export const transcriptSave = defineCommand({
  name: 'transcript_save',
  payload: TranscriptSavePayloadSchema,
  result: TranscriptSavedResultSchema,
  handler: ({ store }, { profileId, text, language, document }) => {
    if ((text === undefined) === (document === undefined)) {
      throw new AppError('invalid_payload', 'Give either `text` (typed transcript) or `document` (a TranscriptV1), not both.');
    }
    return document !== undefined
      ? transcripts.saveTranscriptDocument(store, profileId, document)
      : transcripts.saveTypedTranscript(store, profileId, text!, language);
  },
});

export const transcriptGet = defineCommand({
  name: 'transcript_get',
  payload: TranscriptRefPayloadSchema,
  result: TranscriptResultSchema,
  handler: ({ store }, { profileId, transcriptId }) => ({
    transcript: transcripts.getTranscript(store, profileId, transcriptId),
    origin: transcripts.getTranscriptOrigin(store, profileId, transcriptId),
  }),
});

export const transcriptEditSave = defineCommand({
  name: 'transcript_edit_save',
  payload: TranscriptEditPayloadSchema,
  result: TranscriptSavedResultSchema,
  handler: ({ store }, { profileId, transcriptId, editedText }) =>
    transcripts.saveEditedTranscript(store, profileId, transcriptId, editedText),
});

export const transcriptExport = defineCommand({
  name: 'transcript_export',
  payload: TranscriptExportPayloadSchema,
  result: TranscriptExportResultSchema,
  handler: ({ store }, { profileId, transcriptId, format }) => transcripts.exportTranscript(store, profileId, transcriptId, format),
});

export const TRANSCRIPT_COMMANDS = [transcriptSave, transcriptGet, transcriptEditSave, transcriptExport];
