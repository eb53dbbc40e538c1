import type { Locale } from '../../contracts/locale.js';
import type { TranscriptV1 } from '../../contracts/transcript.js';
import { ASR_ENGINES, type AsrEngineName, type ScriptAdherence } from '../../contracts/transcription.js';

/** The engines Lectern knows (owned by the contracts); all of them run on this machine: voice never leaves the device. */
export { ASR_ENGINES };
export type { ScriptAdherence };
export type AsrEngineId = AsrEngineName;

export interface AsrAvailability {
  engine: AsrEngineId;
  available: boolean;
  languages: Array<Locale>;
  /** What to install or do when it is not available; null when it is. */
  hint: string | null;
}

export interface AsrProgress {
  percent: number;
  stage: 'preparing' | 'decoding' | 'aligning' | 'saving' | 'done';
}

export interface AsrRequest {
  /** A 16 kHz mono PCM16 WAV file (platform/audio converts anything else first). */
  wavPath: string;
  language: Locale;
  durationMs: number;
  /** The speaker's script or outline text, for script alignment; the typed text for the manual engine. */
  scriptText?: string;
  /** Where the audio has speech (from platform/audio), for the manual engine's re-timing. */
  speechSegments?: ReadonlyArray<{ tStartMs: number; tEndMs: number }>;
  /** A private folder inside the data folder for the engine's scratch files (the script's grammar); else the OS temp. */
  workDir?: string;
  signal?: AbortSignal;
  onProgress?: (progress: AsrProgress) => void;
}

export interface AsrResult {
  transcript: TranscriptV1;
  adherence: ScriptAdherence | null;
}

/**
 * A speech-to-text engine behind one interface. Each says whether it can run here and in which languages (whisper.cpp:
 * those of the downloaded model chosen for the run; unavailable, with a hint, until one is downloaded).
 */
export interface AsrEngine {
  readonly id: AsrEngineId;
  availability(): AsrAvailability;
  transcribe(request: AsrRequest): Promise<AsrResult>;
}
