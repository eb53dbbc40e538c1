import type { Locale } from '../../../src/contracts/locale.js';
import type { AsrEngineId, AsrEngineStatus, AsrStatus } from '../api/types/transcription';

/** Engines the speaker picks from directly (script alignment is offered as "align with my script"). */
export function pickableEngines(status: AsrStatus): AsrEngineStatus[] {
  return status.engines.filter((engine) => engine.engine !== 'script_alignment');
}

export function engineStatus(status: AsrStatus, id: string): AsrEngineStatus | undefined {
  return status.engines.find((engine) => engine.engine === id);
}

/** The engine a transcription starts with: asr_status's default when it can be picked, else the first available. */
export function initialEngine(status: AsrStatus): AsrEngineId | null {
  const pickable = pickableEngines(status).filter((engine) => engine.available);
  return (pickable.find((engine) => engine.engine === status.defaultEngine) ?? pickable[0])?.engine ?? null;
}

/** The talk's language for the engine: the interface language when it knows it, else its first one. */
export function initialLanguage(engine: AsrEngineStatus | undefined, preferred: Locale): Locale {
  if (!engine || engine.languages.includes(preferred)) return preferred;
  return engine.languages[0] ?? 'en';
}
