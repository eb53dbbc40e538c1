import { z } from 'zod';

/** A timed word inside a segment; times in milliseconds from the start of the recording. */
export const TranscriptWordSchema = z
  .object({
    tStartMs: z.number().int().nonnegative(),
    tEndMs: z.number().int().nonnegative(),
    text: z.string().min(1).max(200),
    confidence: z.number().min(0).max(1).optional(),
  })
  .strict()
  .refine((word) => word.tEndMs >= word.tStartMs, { message: 'tEndMs must not be before tStartMs' });

export const TranscriptSegmentSchema = z
  .object({
    tStartMs: z.number().int().nonnegative(),
    tEndMs: z.number().int().nonnegative(),
    text: z.string().max(20_000),
    words: z.array(TranscriptWordSchema).max(20_000).optional(),
  })
  .strict()
  .refine((segment) => segment.tEndMs >= segment.tStartMs, { message: 'tEndMs must not be before tStartMs' });

/**
 * TranscriptV1: what Lectern stores for a recording or typed text. `durationMs` is the real duration of the recording
 * when known (from the audio), else null; segment times are then the only timing information.
 */
export const TranscriptV1Schema = z
  .object({
    schemaVersion: z.literal(1),
    language: z.enum(['en', 'fr']),
    durationMs: z.number().int().nonnegative().nullable(),
    segments: z.array(TranscriptSegmentSchema).max(10_000),
  })
  .strict();

export type TranscriptV1 = z.infer<typeof TranscriptV1Schema>;
export type TranscriptSegment = z.infer<typeof TranscriptSegmentSchema>;
export type TranscriptWord = z.infer<typeof TranscriptWordSchema>;
