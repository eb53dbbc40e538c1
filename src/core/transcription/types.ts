import { PREFERENCE_KEYS } from '../../contracts/preference-keys.js';
import type { Locale } from '../../contracts/locale.js';
export type { AsrAvailability, AsrEngineId, ScriptAdherence } from '../../platform/asr/asr-engine.js';
export type { JobView } from '../../platform/jobs/job-registry.js';

/** Global preference naming the default engine. */
export const ASR_ENGINE_KEY = PREFERENCE_KEYS.asrEngine;

export interface TranscriptionRequest {
  audioArtifactId: string;
  engine?: string | undefined;
  language?: Locale | undefined;
  scriptText?: string | undefined;
}
