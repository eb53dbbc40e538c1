import { z } from 'zod';

const Id = z.string().max(100);

/** The speech engines Lectern knows, whether installed here or not. */
export const ASR_ENGINES = ['pocketsphinx', 'script_alignment', 'manual', 'whisper_cpp'] as const;
export type AsrEngineName = (typeof ASR_ENGINES)[number];

export const AsrStatusPayloadSchema = z.object({}).strict();
export const AsrStatusResultSchema = z
  .object({
    engines: z.array(
      z
        .object({
          engine: z.enum(ASR_ENGINES),
          available: z.boolean(),
          languages: z.array(z.enum(['en', 'fr'])),
          hint: z.string().nullable(),
        })
        .strict(),
    ),
    defaultEngine: z.enum(ASR_ENGINES),
  })
  .strict();

export const AudioImportPayloadSchema = z.object({ profileId: Id, uploadId: Id }).strict();
export const AudioImportResultSchema = z
  .object({
    audioArtifactId: z.string(),
    durationMs: z.number().int().nonnegative(),
    speakingTimeMs: z.number().int().nonnegative(),
    pauses: z.number().int().nonnegative(),
    longPauses: z.number().int().nonnegative(),
    monotone: z.boolean().nullable(),
    tooQuiet: z.boolean(),
    clippingRatio: z.number().min(0).max(1),
    waveformPeaks: z.array(z.number().min(0).max(1)),
  })
  .strict();

export const TranscribeAudioPayloadSchema = z
  .object({
    profileId: Id,
    audioArtifactId: Id,
    engine: z.enum(ASR_ENGINES).optional(),
    language: z.enum(['en', 'fr']).optional(),
    scriptText: z.string().max(200_000).optional(),
  })
  .strict();
/**
 * How a take followed the speaker's script (script alignment, or whisper.cpp given the script): the share of the
 * script's words found in order, the passages of the script not said (`atMs`: where in the take they would have come,
 * null when no script word around them was heard), the passages said that are not in the script (with their times),
 * and whether the take departed so far from the script that its transcript comes from free recognition instead.
 */
export const ScriptAdherenceSchema = z
  .object({
    coverage: z.number().min(0).max(1),
    skipped: z.array(
      z
        .object({ fromWord: z.number().int().nonnegative(), toWord: z.number().int().nonnegative(), text: z.string(), atMs: z.number().int().nonnegative().nullable() })
        .strict(),
    ),
    added: z.array(z.object({ tStartMs: z.number().int().nonnegative(), tEndMs: z.number().int().nonnegative(), text: z.string() }).strict()),
    fellBack: z.boolean(),
  })
  .strict();
export type ScriptAdherence = z.infer<typeof ScriptAdherenceSchema>;

export const TranscribeAudioResultSchema = z.object({ jobId: z.string() }).strict();

export const JobSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
    progress: z.object({ percent: z.number().min(0).max(100), stage: z.string() }).strict(),
    result: z.unknown(),
    error: z.object({ code: z.string(), message: z.string() }).strict().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .strict();
export const JobRefPayloadSchema = z.object({ jobId: Id }).strict();
export const JobResultSchema = z.object({ job: JobSchema }).strict();
