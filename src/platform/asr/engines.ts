import { AppError } from '../../kernel/errors.js';
import type { AsrEngine, AsrEngineId } from './asr-engine.js';
import { ManualEngine } from './manual-engine.js';
import { PocketsphinxEngine } from './pocketsphinx-engine.js';
import { WhisperCppEngine, type WhisperModelChoice } from './whisper-engine.js';

const FIXED_ENGINES: Record<Exclude<AsrEngineId, 'whisper_cpp'>, AsrEngine> = {
  pocketsphinx: new PocketsphinxEngine('pocketsphinx'),
  script_alignment: new PocketsphinxEngine('script_alignment'),
  manual: new ManualEngine(),
};

/** Every engine; whisper.cpp with the model the model manager chose for the run (or none installed). */
export function allEngines(whisperModel: WhisperModelChoice | null = null): AsrEngine[] {
  return [FIXED_ENGINES.pocketsphinx, FIXED_ENGINES.script_alignment, FIXED_ENGINES.manual, new WhisperCppEngine(whisperModel)];
}

export function engineById(id: string, whisperModel: WhisperModelChoice | null = null): AsrEngine {
  if (id === 'whisper_cpp') return new WhisperCppEngine(whisperModel);
  if (!Object.hasOwn(FIXED_ENGINES, id)) throw new AppError('asr_engine_unknown', 'Unknown transcription engine (whisper_cpp, pocketsphinx, script_alignment, manual).');
  return FIXED_ENGINES[id as keyof typeof FIXED_ENGINES];
}
