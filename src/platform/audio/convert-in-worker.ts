import type { ErrorCode } from '../../contracts/error-codes.js';
import type { ResourceLimits } from 'node:worker_threads';
import { AppError } from '../../kernel/errors.js';
import { InternalFailure, type InternalErrorFacts } from '../../kernel/internal-error-facts.js';
import { startModuleWorker } from '../workers/module-worker.js';
import type { ConvertedWav, FrameRange } from './convert-wav-file.js';

export interface AudioImportRequest {
  input: string;
  output: string;
  /** One Int32: set to 1 to ask the worker to stop between two pieces. */
  stopFlag: SharedArrayBuffer;
  /** Only this part of the input (a trim); the whole file when absent. */
  range?: FrameRange;
}

export type AudioImportMessage =
  | { type: 'progress'; done: number }
  | { type: 'done'; converted: ConvertedWav }
  | { type: 'refused'; code: ErrorCode; message: string }
  | { type: 'failed'; facts: InternalErrorFacts };

/**
 * The worker's heap is capped: the streaming conversion needs a few tens of MB whatever the file's length, so a
 * worker that grows past this is a bug, stopped (ERR_WORKER_OUT_OF_MEMORY, an internal error) before it can starve
 * the machine.
 */
const WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 256 };

/**
 * Converts and measures a WAV file (convertWavFile), whole or one range of its frames (a trim), in a worker thread,
 * so the server's event loop stays free however long the recording. Progress arrives through `onProgress` (0..1); aborting `signal` makes the worker stop at its
 * next piece with `job_cancelled`. Refusals keep their code (`audio_format_unsupported`...); an unexpected failure
 * comes back as an InternalFailure carrying its class and code location. The caller owns `output` and removes it
 * when the import does not commit.
 */
export function convertWavInWorker(
  input: string,
  output: string,
  options: { signal?: AbortSignal; onProgress?: (done: number) => void; range?: FrameRange } = {},
): Promise<ConvertedWav> {
  const stopFlag = new SharedArrayBuffer(4);
  const stop = () => Atomics.store(new Int32Array(stopFlag), 0, 1);
  const request: AudioImportRequest = { input, output, stopFlag, ...(options.range ? { range: options.range } : {}) };
  const worker = startModuleWorker<AudioImportRequest>(import.meta.url, 'audio-import-worker', request, WORKER_LIMITS);
  return new Promise<ConvertedWav>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', stop);
      outcome();
    };
    options.signal?.addEventListener('abort', stop, { once: true });
    if (options.signal?.aborted) stop();
    worker.on('message', (message: AudioImportMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.done);
      else if (message.type === 'done') settle(() => resolve(message.converted));
      else if (message.type === 'refused') settle(() => reject(new AppError(message.code, message.message)));
      else settle(() => reject(new InternalFailure(message.facts)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the audio import worker exited with code ${code} before answering`))));
  });
}
