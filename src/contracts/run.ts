import { z } from 'zod';
import { TranscriptV1Schema } from './transcript.js';
import { ASR_ENGINES, JobSchema, ScriptAdherenceSchema } from './transcription.js';

const Id = z.string().max(100);

export const RunSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    createdAt: z.string(),
    audioArtifactId: z.string().nullable(),
    transcriptId: z.string().nullable(),
    feedbackId: z.string().nullable(),
  })
  .strict();

export const RunResultSchema = z.object({ run: RunSchema }).strict();
export const RunOrNullResultSchema = z.object({ run: RunSchema.nullable() }).strict();
export const RunListResultSchema = z.object({ runs: z.array(RunSchema) }).strict();

export const RunCreatePayloadSchema = z.object({ profileId: Id, projectId: Id }).strict();
export const RunRefPayloadSchema = z.object({ profileId: Id, runId: Id }).strict();
export const RunLatestPayloadSchema = z.object({ profileId: Id, projectId: Id }).strict();
export const RunListPayloadSchema = z.object({ profileId: Id, projectId: Id, limit: z.number().optional() }).strict();
export const RunAttachAudioPayloadSchema = z.object({ profileId: Id, runId: Id, audioArtifactId: Id }).strict();
export const RunSetTranscriptPayloadSchema = z.object({ profileId: Id, runId: Id, transcriptId: Id }).strict();
export const RunDeleteResultSchema = z.object({ deletedFiles: z.number().int().nonnegative() }).strict();

export const TranscriptSavePayloadSchema = z
  .object({
    profileId: Id,
    /** Typed or pasted text (one segment per line), or a whole TranscriptV1 document (an uploaded JSON file). */
    text: z.string().max(1_000_000).optional(),
    language: z.enum(['en', 'fr']).optional(),
    document: z.unknown().optional(),
  })
  .strict();
export const TranscriptRefPayloadSchema = z.object({ profileId: Id, transcriptId: Id }).strict();
export const TranscriptEditPayloadSchema = z.object({ profileId: Id, transcriptId: Id, editedText: z.string().max(1_000_000) }).strict();
export const TranscriptExportPayloadSchema = z
  .object({ profileId: Id, transcriptId: Id, format: z.enum(['txt', 'json', 'srt', 'vtt']) })
  .strict();
export const TranscriptSavedResultSchema = z.object({ transcriptId: z.string(), transcript: TranscriptV1Schema }).strict();
/** `origin` says how the transcript was made: an engine id (whisper_cpp with its model), typed, document or edit. */
export const TranscriptResultSchema = z
  .object({
    transcript: TranscriptV1Schema,
    origin: z.object({ source: z.string().nullable(), model: z.string().nullable() }).strict(),
  })
  .strict();
export const TranscriptExportResultSchema = z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() }).strict();

/** How the run pipeline transcribes: all optional (the engine Lectern picks for the language by default). */
const RunPipelineOptionsShape = {
  engine: z.enum(ASR_ENGINES).optional(),
  language: z.enum(['en', 'fr']).optional(),
  scriptText: z.string().max(200_000).optional(),
};
/** A recording staged by `POST /api/upload/audio?stage=1`, to become a run of the talk. */
export const RunRecordPayloadSchema = z.object({ profileId: Id, projectId: Id, uploadId: Id, ...RunPipelineOptionsShape }).strict();
export const RunRecordResultSchema = z.object({ run: RunSchema, job: JobSchema }).strict();
export const RunProcessPayloadSchema = z.object({ profileId: Id, runId: Id, ...RunPipelineOptionsShape }).strict();
export const RunJobResultSchema = z.object({ job: JobSchema }).strict();
export const RunJobOrNullResultSchema = z.object({ job: JobSchema.nullable() }).strict();
/** The result of a finished `run_pipeline` job. */
export const RunPipelineResultSchema = z
  .object({ runId: z.string(), transcriptId: z.string(), feedbackId: z.string(), scriptAdherence: ScriptAdherenceSchema.nullable() })
  .strict();

/** A part of a run's recording to keep, in whole milliseconds from its start: `startMs` included, `endMs` excluded. */
export const RunTrimPayloadSchema = z
  .object({ profileId: Id, runId: Id, startMs: z.number().int().nonnegative(), endMs: z.number().int().positive() })
  .strict();
/** The run with its trimmed recording, and the `run_pipeline` job that transcribes and analyses it again. */
export const RunTrimResultSchema = z.object({ run: RunSchema, job: JobSchema }).strict();
const TrimRangeSchema = z.object({ startMs: z.number().int(), endMs: z.number().int() }).strict();
/** What the trim page draws: the recording, its length, its waveform, and the suggested trim (null: no speech found). */
export const RunTrimGetResultSchema = z
  .object({
    audioArtifactId: z.string(),
    durationMs: z.number().int().nonnegative(),
    peaks: z.array(z.number()),
    suggestion: TrimRangeSchema.nullable(),
  })
  .strict();
