/** Runs: one recorded rehearsal of a talk. Types inferred from the shared contracts (type-only). */
import type { z } from 'zod';
import type { RunSchema, TranscriptResultSchema } from '../../../../src/contracts/run.js';

export type Run = z.infer<typeof RunSchema>;
export type { TranscriptSegment, TranscriptV1, TranscriptWord } from '../../../../src/contracts/transcript.js';

/** How a transcript was made (transcript_get's `origin`). */
export type TranscriptOrigin = z.infer<typeof TranscriptResultSchema>['origin'];
