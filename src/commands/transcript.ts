import * as transcripts from '../core/transcript/index.js';
import { AppError } from '../kernel/errors.js';
import { defineProfileCommand } from './registry.js';

export const transcriptSave = defineProfileCommand({
  name: 'transcript_save',
  handler: (session, { text, language, document }) => {
    if ((text === undefined) === (document === undefined)) {
      throw new AppError('invalid_payload', 'Give either `text` (typed transcript) or `document` (a TranscriptV1), not both.');
    }
    return document !== undefined
      ? transcripts.saveTranscriptDocument(session, document)
      : transcripts.saveTypedTranscript(session, text!, language);
  },
});

export const transcriptGet = defineProfileCommand({
  name: 'transcript_get',
  handler: (session, { transcriptId }) => ({
    transcript: transcripts.getTranscript(session, transcriptId),
    origin: transcripts.getTranscriptOrigin(session, transcriptId),
  }),
});

export const transcriptEditSave = defineProfileCommand({
  name: 'transcript_edit_save',
  handler: (session, { transcriptId, editedText }) =>
    transcripts.saveEditedTranscript(session, transcriptId, editedText),
});

export const transcriptExport = defineProfileCommand({
  name: 'transcript_export',
  handler: (session, { transcriptId, format }) => transcripts.exportTranscript(session, transcriptId, format),
});

export const TRANSCRIPT_COMMANDS = [transcriptSave, transcriptGet, transcriptEditSave, transcriptExport];
