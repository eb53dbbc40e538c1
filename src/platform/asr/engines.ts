import { AppError } from '../../kernel/errors.js';
import type { AsrEngine, AsrEngineId } from './asr-engine.js';
import { ManualEngine } from './manual-engine.js';
import { PocketsphinxEngine } from './pocketsphinx-engine.js';
import { WhisperCppEngine } from './whisper-engine.js';

const ENGINES: Record<AsrEngineId, AsrEngine> = {
  pocketsphinx: new PocketsphinxEngine('pocketsphinx'),
  script_alignment: new PocketsphinxEngine('script_alignment'),
  manual: new ManualEngine(),
  whisper_cpp: new WhisperCppEngine(),
};

export function allEngines(): AsrEngine[] {
  return Object.values(ENGINES);
}

export function engineById(id: string): AsrEngine {
  if (!Object.hasOwn(ENGINES, id)) throw new AppError('asr_engine_unknown', 'Unknown transcription engine (pocketsphinx, script_alignment, manual).');
  return ENGINES[id as AsrEngineId];
}
