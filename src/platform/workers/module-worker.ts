import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** What every worker entry receives as `workerData`: its own data under `data` (and, from source, its entry). */
export interface ModuleWorkerData<T> {
  data: T;
  entry?: string;
}

/**
 * Starts the worker module `<name>.ts` or `<name>.js` that sits beside the caller (pass the caller's
 * `import.meta.url`). The extension follows the caller's own: run from the TypeScript sources (under tsx), the entry
 * is the `.ts` file and ts-worker-bootstrap.mjs registers tsx in the new thread first; run from a compiled build, the
 * entry is the `.js` file beside the compiled caller and starts directly. No path is configured anywhere else.
 */
export function startModuleWorker<T>(callerUrl: string, name: string, data: T, resourceLimits?: ResourceLimits): Worker {
  const fromSource = /\.[mc]?ts$/.test(new URL(callerUrl).pathname);
  const entry = new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, callerUrl);
  const options = { resourceLimits: resourceLimits ?? {} };
  if (!fromSource) return new Worker(entry, { ...options, workerData: { data } satisfies ModuleWorkerData<T> });
  return new Worker(new URL('./ts-worker-bootstrap.mjs', import.meta.url), { ...options, workerData: { data, entry: entry.href } satisfies ModuleWorkerData<T> });
}

/** The nice value of a background worker thread: the event loop's thread wins the CPU whenever both want it. */
const BACKGROUND_NICE = 10;

/**
 * Lowers the calling thread's scheduling priority, so a CPU-bound worker never delays the server's event loop on a
 * busy machine. Linux only (a thread's id is its entry in /proc/thread-self, and setpriority takes it); elsewhere, or
 * when refused, the thread keeps its priority.
 */
export function runThisThreadInBackground(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, BACKGROUND_NICE);
  } catch {
    // not Linux, or not allowed: the worker runs at normal priority
  }
}
