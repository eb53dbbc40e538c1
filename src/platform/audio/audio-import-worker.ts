import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../../kernel/errors.js';
import { describeInternalError } from '../../kernel/internal-error-facts.js';
import { runThisThreadInBackground, type ModuleWorkerData } from '../workers/module-worker.js';
import { convertWavFile } from './convert-wav-file.js';
import type { AudioImportMessage, AudioImportRequest } from './convert-in-worker.js';

/*
 * The worker thread of an audio import: converts and measures one file (convert-wav-file.ts) off the main thread's
 * event loop, at a lower scheduling priority than the event loop's thread, reports progress at each whole percent, watches the shared stop flag between pieces, and posts the
 * result or the failure (an AppError's code and message; for anything else only its class and code location).
 */
const { input, output, stopFlag, range } = (workerData as ModuleWorkerData<AudioImportRequest>).data;
const stop = new Int32Array(stopFlag);
const post = (message: AudioImportMessage) => parentPort!.postMessage(message);
let lastPercent = -1;
runThisThreadInBackground();

try {
  const converted = convertWavFile(input, output, {
    onProgress: (done) => {
      const percent = Math.floor(done * 100);
      if (percent !== lastPercent) post({ type: 'progress', done });
      lastPercent = percent;
    },
    shouldStop: () => Atomics.load(stop, 0) === 1,
    ...(range ? { range } : {}),
  });
  post({ type: 'done', converted });
} catch (error) {
  post(isAppError(error) ? { type: 'refused', code: error.code, message: error.message } : { type: 'failed', facts: describeInternalError(error) });
}
