import { spawn } from 'node:child_process';
import { AppError } from '../../kernel/errors.js';

/**
 * Runs a decoder process to completion, asynchronously (the event loop stays free for other commands), reporting the
 * time it has reached from its word lines. An abort kills it at once and rejects with `job_cancelled`.
 */
export function runDecoder(
  executable: string,
  args: readonly string[],
  options: { signal?: AbortSignal | undefined; onTimeReached?: (ms: number) => void },
): Promise<string> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(cancelled());
    const child = spawn(executable, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      const times = [...chunk.matchAll(/ (\d+\.\d+) \d+(?:\.\d+)?\n/g)].map((m) => Number(m[1]) * 1000);
      if (times.length > 0) options.onTimeReached?.(Math.max(...times));
    });
    const onAbort = () => child.kill('SIGKILL');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', () => reject(new AppError('asr_failed', 'The speech engine could not be started.')));
    child.on('close', (code) => {
      options.signal?.removeEventListener('abort', onAbort);
      if (options.signal?.aborted) return reject(cancelled());
      if (code !== 0) return reject(new AppError('asr_failed', 'The speech engine stopped with an error; the recording may be damaged.'));
      resolve(output);
    });
  });
}

function cancelled(): AppError {
  return new AppError('job_cancelled', 'The transcription was cancelled; nothing was saved.');
}
