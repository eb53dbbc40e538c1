import { invoke } from './invoke';
import type { Job } from './types/transcription';

const POLL_MS = 2000;

function isSettled(job: Job): boolean {
  return job.status !== 'running';
}

/**
 * Follows jobs through `GET /api/events` (events `progress` and `settled`). Open it before starting a job so that no
 * event is missed; `job_get` is also asked at once and every 2 s, in case the stream drops or the job ended first.
 */
export class JobWatcher {
  private readonly source: EventSource | null;
  private readonly latest = new Map<string, Job>();
  private readonly listeners = new Set<(job: Job) => void>();

  constructor() {
    this.source = typeof EventSource === 'undefined' ? null : new EventSource('/api/events');
    for (const name of ['progress', 'settled']) this.source?.addEventListener(name, (event) => this.receive(event));
  }

  /** Resolves with the settled job (succeeded, failed or cancelled); onProgress sees every update. */
  watch(jobId: string, onProgress: (job: Job) => void): Promise<Job> {
    return new Promise<Job>((resolve, reject) => {
      let done = false;
      const update = (job: Job) => {
        if (done || job.id !== jobId) return;
        onProgress(job);
        if (!isSettled(job)) return;
        done = true;
        clearInterval(timer);
        this.listeners.delete(update);
        resolve(job);
      };
      const poll = () =>
        invoke('job_get', { jobId }).then(
          ({ job }) => update(job),
          (error: unknown) => {
            if (done) return;
            done = true;
            clearInterval(timer);
            this.listeners.delete(update);
            reject(error);
          },
        );
      const timer = setInterval(poll, POLL_MS);
      this.listeners.add(update);
      const known = this.latest.get(jobId);
      if (known) update(known);
      if (!done) void poll();
    });
  }

  close(): void {
    this.source?.close();
    this.listeners.clear();
  }

  private receive(event: Event): void {
    const data = (event as MessageEvent<string>).data;
    let job: Job;
    try {
      job = JSON.parse(data) as Job;
    } catch {
      return;
    }
    this.latest.set(job.id, job);
    for (const listener of [...this.listeners]) listener(job);
  }
}
