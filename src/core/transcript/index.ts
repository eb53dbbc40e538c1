import type { Locale } from '../../contracts/locale.js';
import { TranscriptV1Schema } from '../../contracts/transcript.js';
import { AppError } from '../../kernel/errors.js';
import { parseJsonOrNull } from '../../kernel/json.js';
import type { ArtifactStore } from '../../platform/artifacts/artifact-store.js';
import type { ProfileSession } from '../workspace/index.js';
import { guessLanguage } from './guess-language.js';
import { retimeEditedText } from './retime-edited-text.js';
import { formatTranscript } from './transcript-formats.js';
import { transcriptText } from './transcript-text.js';
import type { TranscriptExport, TranscriptFormat, TranscriptV1 } from './types.js';

export type * from './types.js';
export { lastTimeMs, transcriptText } from './transcript-text.js';
export { guessLanguage } from './guess-language.js';

/** 2 MiB of transcript JSON is hours of speech with word timings. */
const TRANSCRIPT_MAX_BYTES = 2 * 1024 * 1024;

export interface SavedTranscript {
  transcriptId: string;
  transcript: TranscriptV1;
}

/** Typed or pasted text: one segment per non-blank line, without timing (no duration is invented). */
export function saveTypedTranscript(session: ProfileSession, text: string, language?: Locale): SavedTranscript {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);
  if (lines.length === 0) throw new AppError('transcript_empty', 'The transcript has no text.');
  const transcript: TranscriptV1 = {
    schemaVersion: 1,
    language: language ?? guessLanguage(text),
    durationMs: null,
    segments: lines.map((line) => ({ tStartMs: 0, tEndMs: 0, text: line })),
  };
  return storeTranscript(session.artifacts, transcript, { source: 'typed' });
}

/** A TranscriptV1 document (an uploaded JSON file, or another engine's output), validated before anything is stored. */
export function saveTranscriptDocument(session: ProfileSession, document: unknown): SavedTranscript {
  const transcript = parseTranscript(document);
  if (transcriptText(transcript).length === 0) throw new AppError('transcript_empty', 'The transcript has no text.');
  return storeTranscript(session.artifacts, transcript, { source: 'document' });
}

export function getTranscript(session: ProfileSession, transcriptId: string): TranscriptV1 {
  return readTranscript(session.artifacts, transcriptId);
}

/** How a transcript was made, from its artifact's metadata: the engine (and whisper model), typed, document or edit. */
export function getTranscriptOrigin(session: ProfileSession, transcriptId: string): { source: string | null; model: string | null } {
  const { metadata } = session.artifacts.getOfType(transcriptId, 'transcript');
  return { source: typeof metadata.source === 'string' ? metadata.source : null, model: typeof metadata.model === 'string' ? metadata.model : null };
}

/** An edit is saved as a new transcript (the original stays, so the edit can be undone); timing is carried over. */
export function saveEditedTranscript(session: ProfileSession, transcriptId: string, editedText: string): SavedTranscript {
  const artifacts = session.artifacts;
  const edited = retimeEditedText(readTranscript(artifacts, transcriptId), editedText);
  return storeTranscript(artifacts, edited, { source: 'edit', editedFrom: transcriptId });
}

export function exportTranscript(session: ProfileSession, transcriptId: string, format: TranscriptFormat): TranscriptExport {
  return formatTranscript(getTranscript(session, transcriptId), format, `transcript-${transcriptId.slice(4, 12)}`);
}

/** Reads a transcript artifact, checking its type and its content. */
export function readTranscript(artifacts: ArtifactStore, transcriptId: string): TranscriptV1 {
  artifacts.getOfType(transcriptId, 'transcript');
  return parseTranscript(parseJsonOrNull(artifacts.read(transcriptId).data.toString('utf8')));
}

function parseTranscript(document: unknown): TranscriptV1 {
  const parsed = TranscriptV1Schema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    if (issue?.code === 'too_big') {
      throw new AppError('transcript_too_large', `The transcript is too long at ${where} (a line holds at most 20,000 characters, a transcript 10,000 lines).`);
    }
    throw new AppError('transcript_invalid', `The transcript is not a valid TranscriptV1 document (at ${where}).`);
  }
  return parsed.data;
}

/**
 * Every transcript is checked against TranscriptV1 before it is stored: a stored transcript can always be read back.
 * `link` runs in the same transaction as the row (to attach the transcript to a run or attempt).
 */
export function storeTranscript(
  artifacts: ArtifactStore,
  candidate: TranscriptV1,
  metadata: Record<string, unknown>,
  link: (transcriptId: string) => void = () => {},
): SavedTranscript {
  const transcript = parseTranscript(candidate);
  const data = Buffer.from(JSON.stringify(transcript), 'utf8');
  if (data.length > TRANSCRIPT_MAX_BYTES) throw new AppError('transcript_too_large', 'The transcript is larger than 2 MiB.');
  const transcriptId = artifacts.commitWith([{ type: 'transcript', extension: 'json', data, metadata }], ([staged]) => {
    link(staged!.id);
    return staged!.id;
  });
  return { transcriptId, transcript };
}
