import type { Locale } from '../../contracts/locale.js';
import { fork } from 'node:child_process';
import { AppError } from '../../kernel/errors.js';
import type { AsrAvailability, AsrEngine, AsrRequest, AsrResult } from './asr-engine.js';
import { measureAdherence } from './script-adherence.js';
import { scriptWords } from './script-words.js';
import { whisperPrompt } from './whisper/whisper-prompt.js';
import { isWhisperRuntimeInstalled } from './whisper/whisper-runtime.js';
import type { WhisperJob, WhisperWorkerMessage } from './whisper/whisper-worker.js';
import { whisperTokensToWords } from './whisper/whisper-words.js';
import { wordsToTranscript } from './words-to-transcript.js';

/** The installed model a run uses: chosen by the model manager for the talk's language. */
export interface WhisperModelChoice {
  name: string;
  path: string;
  multilingual: boolean;
}

const NO_RUNTIME_HINT = 'The whisper.cpp runtime for this machine is not installed; run npm install again (it comes with Lectern).';
const NO_MODEL_HINT = 'Download a speech model in Settings (or: lectern models get base.en); nothing else is ever downloaded.';

/**
 * whisper.cpp with a local ggml model: free transcription with word timings, in English with any model and in French
 * with a multilingual one. With the speaker's script, the script's opening is part of the prompt and the result comes
 * with the same adherence report as script alignment. Inference runs in a child process (whisper/whisper-worker.ts):
 * the event loop stays free, progress comes back as messages, and a cancel kills the process at once.
 */
export class WhisperCppEngine implements AsrEngine {
  readonly id = 'whisper_cpp' as const;

  constructor(private readonly model: WhisperModelChoice | null) {}

  availability(): AsrAvailability {
    const languages: Array<Locale> = this.model?.multilingual ? ['en', 'fr'] : ['en'];
    if (!isWhisperRuntimeInstalled()) return { engine: 'whisper_cpp', available: false, languages, hint: NO_RUNTIME_HINT };
    if (!this.model) return { engine: 'whisper_cpp', available: false, languages: ['en', 'fr'], hint: NO_MODEL_HINT };
    return { engine: 'whisper_cpp', available: true, languages, hint: null };
  }

  async transcribe(request: AsrRequest): Promise<AsrResult> {
    const model = this.model;
    if (!model || !isWhisperRuntimeInstalled()) throw new AppError('asr_unavailable', `The whisper.cpp engine is not ready. ${model ? NO_RUNTIME_HINT : NO_MODEL_HINT}`);
    if (request.language === 'fr' && !model.multilingual) {
      throw new AppError('asr_language_unsupported', 'This speech model is English-only; download a multilingual one (tiny, base or small) for French.');
    }
    request.onProgress?.({ percent: 2, stage: 'preparing' });
    const job: WhisperJob = { modelPath: model.path, wavPath: request.wavPath, language: request.language, prompt: whisperPrompt(request.language, request.scriptText) };
    const segments = await runWorker(job, request);
    const words = whisperTokensToWords(segments, request.durationMs);
    const adherence = request.scriptText?.trim() ? measureAdherence(scriptWords(request.scriptText), words.flatMap(normalizedWords)) : null;
    return { transcript: wordsToTranscript(words, request.language, request.durationMs), adherence };
  }
}

/** The script's vocabulary view of a spoken word ("Today," -> "today"), for the adherence report. */
function normalizedWords(word: { text: string; tStartMs: number; tEndMs: number }) {
  return scriptWords(word.text).map((text) => ({ ...word, text }));
}

/**
 * Sources run under tsx (the .ts worker, with tsx's loader, resolved from here so that any working directory works);
 * a compiled build runs the .js beside this file.
 */
function workerEntry(): { url: URL; execArgv: string[] } {
  const fromSources = import.meta.url.endsWith('.ts');
  const url = new URL(fromSources ? './whisper/whisper-worker.ts' : './whisper/whisper-worker.js', import.meta.url);
  const execArgv = fromSources && !process.execArgv.some((arg) => arg.includes('tsx')) ? [...process.execArgv, '--import', import.meta.resolve('tsx')] : process.execArgv;
  return { url, execArgv };
}

function runWorker(job: WhisperJob, request: AsrRequest): Promise<Array<{ text: string; t0: number; t1: number }>> {
  return new Promise((resolve, reject) => {
    if (request.signal?.aborted) return reject(cancelled());
    const { url, execArgv } = workerEntry();
    const child = fork(url, [], { execArgv, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], serialization: 'advanced' });
    let outcome: WhisperWorkerMessage | null = null;
    const onAbort = () => child.kill('SIGKILL');
    request.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('message', (message: WhisperWorkerMessage) => {
      if (message.type === 'progress') request.onProgress?.({ percent: Math.round(5 + message.percent * 0.9), stage: 'decoding' });
      else outcome = message;
    });
    child.on('error', () => reject(new AppError('asr_failed', 'The whisper.cpp engine could not be started.')));
    child.on('exit', () => {
      request.signal?.removeEventListener('abort', onAbort);
      const result = outcome as WhisperWorkerMessage | null;
      if (request.signal?.aborted) return reject(cancelled());
      if (result?.type === 'done') return resolve(result.segments);
      if (result?.type === 'failed') return reject(new AppError(result.code, result.message));
      reject(new AppError('asr_failed', 'The whisper.cpp engine stopped without a result; the model or the recording may be damaged.'));
    });
    child.send(job);
  });
}

function cancelled(): AppError {
  return new AppError('job_cancelled', 'The transcription was cancelled; nothing was saved.');
}
