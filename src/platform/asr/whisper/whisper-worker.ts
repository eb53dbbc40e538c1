import type { Locale } from '../../../contracts/locale.js';
import type { ErrorCode } from '../../../contracts/error-codes.js';
/**
 * The child process that runs whisper.cpp for one transcription (forked by whisper-engine.ts). Native inference runs
 * here, never in the app's process: a cancel is a SIGKILL that stops it at once (the binding's own stop() neither
 * interrupts whisper.cpp nor settles its promise), and a crash in native code ends only this process.
 *
 * Protocol (IPC): it receives one `WhisperJob`, then sends `progress` messages and finally `done` or `failed`. If
 * whisper.cpp fails inside the binding, the binding never settles its promise; the IPC channel is unref'd so that the
 * process then simply exits, and the parent reports the exit without a result as a failure.
 */
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { toErrorPayload } from '../../../kernel/errors.js';
import { readWav } from '../../audio/wav-reader.js';
import { toMono16k } from '../../audio/to-mono-16k.js';
import { checkWhisperModel } from './whisper-model-check.js';
import { loadWhisperRuntime, type WhisperSegment } from './whisper-runtime.js';

export interface WhisperJob {
  modelPath: string;
  wavPath: string;
  language: Locale;
  prompt: string;
}

export type WhisperWorkerMessage =
  | { type: 'progress'; percent: number }
  | { type: 'done'; segments: WhisperSegment[] }
  | { type: 'failed'; code: ErrorCode; message: string };

function send(message: WhisperWorkerMessage): Promise<void> {
  return new Promise((resolve) => process.send!(message, () => resolve()));
}

async function run(job: WhisperJob): Promise<void> {
  checkWhisperModel(job.modelPath);
  const pcm = toMono16k(readWav(readFileSync(job.wavPath)));
  const runtime = loadWhisperRuntime();
  runtime.WhisperContext.toggleNativeLog?.(false);
  const context = new runtime.WhisperContext({ filePath: job.modelPath, useGpu: false });
  const { promise } = context.transcribeData(pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength) as ArrayBuffer, {
    language: job.language,
    prompt: job.prompt,
    maxThreads: Math.max(1, Math.min(8, availableParallelism())),
    maxLen: 1,
    tokenTimestamps: true,
    onProgress: (percent) => void send({ type: 'progress', percent }),
  });
  const { segments } = await promise;
  await send({ type: 'done', segments: segments.map(({ text, t0, t1 }) => ({ text, t0, t1 })) });
}

process.once('message', (job: WhisperJob) => {
  process.channel?.unref();
  run(job).then(
    () => process.exit(0),
    async (error: unknown) => {
      const { code, message } = toErrorPayload(error);
      await send(code === 'internal_error' ? { type: 'failed', code: 'asr_failed', message: 'The whisper.cpp engine could not transcribe this recording.' } : { type: 'failed', code, message });
      process.exit(1);
    },
  );
});
