export type { AsrAvailability, AsrEngineId, ScriptAdherence } from '../../platform/asr/asr-engine.js';
export type { JobView } from '../../platform/jobs/job-registry.js';

/** Global preference naming the default engine. */
export const ASR_ENGINE_KEY = 'asr.engine';

export interface TranscriptionRequest {
  audioArtifactId: string;
  engine?: string | undefined;
  language?: 'en' | 'fr' | undefined;
  scriptText?: string | undefined;
}
