/** Recordings, engines and jobs. Types inferred from the shared contracts (type-only). */
import type { z } from 'zod';
import type { AsrStatusResultSchema, AudioImportResultSchema, JobSchema } from '../../../../src/contracts/transcription.js';

export type AsrStatus = z.infer<typeof AsrStatusResultSchema>;
export type AsrEngineStatus = AsrStatus['engines'][number];
export type AsrEngineId = AsrEngineStatus['engine'];

export type AudioImportResult = z.infer<typeof AudioImportResultSchema>;

export type Job = z.infer<typeof JobSchema>;
export type JobStatus = Job['status'];

/** What a transcription job returns when it succeeds (the contract types a job's result as unknown). */
export interface TranscriptionJobResult {
  transcriptId: string;
  engine: string;
  runId: string | null;
  attemptId: string | null;
}
