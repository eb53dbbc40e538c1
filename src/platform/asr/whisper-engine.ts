import { AppError } from '../../kernel/errors.js';
import type { AsrAvailability, AsrEngine, AsrResult } from './asr-engine.js';

/**
 * The planned higher-accuracy provider: whisper.cpp with a local ggml model. No model can be downloaded on the
 * machines Lectern is built and tested on, so it is not wired in; it is listed so that `asr_status` says what would
 * be needed, and it takes the same requests as the other engines when it lands.
 */
export class WhisperCppEngine implements AsrEngine {
  readonly id = 'whisper_cpp' as const;

  availability(): AsrAvailability {
    return {
      engine: 'whisper_cpp',
      available: false,
      languages: ['en', 'fr'],
      hint: 'Not available yet: a future Lectern will use whisper.cpp with a local model file (nothing leaves the machine).',
    };
  }

  async transcribe(): Promise<AsrResult> {
    throw new AppError('asr_unavailable', 'The whisper.cpp engine is not available in this version of Lectern.');
  }
}
