import { EventEmitter } from 'node:events';
import { AppError, isAppError, toErrorPayload, type ErrorPayload } from '../../kernel/errors.js';
import { describeInternalError } from '../../kernel/internal-error-facts.js';
import { newId } from '../../kernel/ids.js';
import { nowUtc, type UtcTimestamp } from '../../kernel/time.js';

export type JobStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface JobProgress {
  percent: number;
  stage: string;
}

export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  progress: JobProgress;
  result: unknown;
  error: ErrorPayload | null;
  createdAt: UtcTimestamp;
  finishedAt: UtcTimestamp | null;
}

export interface JobContext {
  signal: AbortSignal;
  report(progress: JobProgress): void;
  /**
   * Marks the point of no return: from here the job writes its result, and a cancel arriving now is ignored (the
   * job then succeeds) rather than half-honoured.
   */
  beginCommit(): void;
}

interface Job extends JobView {
  controller: AbortController;
  settled: Promise<void>;
  committing: boolean;
  /** What the work threw, as thrown (the view only carries its client-safe code and message). */
  failure: unknown;
  /** What the job works on (a run's id), so that a page opened later finds the job of that run. */
  subject: string | null;
}

/**
 * Long work (a 10-minute transcription) runs as a job: the command that starts it returns a job id at once, the work
 * runs asynchronously (its heavy part in a child process), and `job_get` / progress events / `job_cancel` follow it.
 * Jobs live in the process that owns the data folder; emits `progress` and `settled` with the job's view (and, for a
 * job that failed on an unexpected error, the facts of that error as a second argument, for the log).
 */
export class JobRegistry extends EventEmitter {
  private readonly jobs = new Map<string, Job>();

  start(kind: string, work: (context: JobContext) => Promise<unknown>, subject: string | null = null): JobView {
    const controller = new AbortController();
    const job = {
      id: newId('job'),
      kind,
      status: 'running',
      progress: { percent: 0, stage: 'queued' },
      result: null,
      error: null,
      createdAt: nowUtc(),
      finishedAt: null,
      controller,
      committing: false,
      failure: null,
      subject,
    } as Omit<Job, 'settled'> as Job;
    const report = (progress: JobProgress) => {
      if (job.status !== 'running') return;
      job.progress = { percent: Math.max(job.progress.percent, Math.min(100, Math.round(progress.percent))), stage: progress.stage };
      this.safeEmit('progress', this.view(job));
    };
    const beginCommit = () => {
      job.committing = true;
    };
    // The outcome is the work's own: a job that returned succeeded (a cancel during its commit was ignored); one that
    // threw was cancelled when it stopped for the cancel, else it failed.
    job.settled = work({ signal: controller.signal, report, beginCommit })
      .then(
        (result) => this.finish(job, 'succeeded', result, null),
        (error: unknown) =>
          this.finish(job, (controller.signal.aborted && !job.committing) || (error instanceof AppError && error.code === 'job_cancelled') ? 'cancelled' : 'failed', null, error),
      )
      .catch(() => {});
    this.jobs.set(job.id, job);
    return this.view(job);
  }

  get(jobId: string): JobView {
    return this.view(this.existing(jobId));
  }

  /** The newest job of this kind started for this subject, or null when this process started none. */
  latestFor(kind: string, subject: string): JobView | null {
    let latest: Job | null = null;
    for (const job of this.jobs.values()) if (job.kind === kind && job.subject === subject) latest = job;
    return latest ? this.view(latest) : null;
  }

  /** Asks a running job to stop; it settles as `cancelled` and saves nothing. Cancelling a finished job changes nothing. */
  cancel(jobId: string): JobView {
    const job = this.existing(jobId);
    if (job.status === 'running' && !job.committing) job.controller.abort();
    return this.view(job);
  }

  /**
   * The job's result once it has settled, for a door that waits for its job (the audio upload): rejects with what the
   * work threw, or with `job_cancelled` when it was cancelled.
   */
  async outcome(jobId: string): Promise<unknown> {
    const job = this.existing(jobId);
    await job.settled;
    if (job.status === 'succeeded') return job.result;
    if (job.status === 'cancelled') throw new AppError('job_cancelled', 'The job was cancelled; nothing was saved.');
    throw job.failure;
  }

  /** Resolves when every job started so far has settled (used before a clean shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((job) => job.settled));
  }

  /** Whether any job is still running (work that a database restore must not pull the file from under). */
  hasRunning(): boolean {
    return [...this.jobs.values()].some((job) => job.status === 'running');
  }

  /** Cancels every running job and waits for them. */
  async cancelAll(): Promise<void> {
    for (const job of this.jobs.values()) if (job.status === 'running' && !job.committing) job.controller.abort();
    await this.settled();
  }

  /** A listener that throws (a closed event stream, say) must never crash the job or the process. */
  private safeEmit(event: 'progress' | 'settled', view: JobView, ...details: unknown[]): void {
    try {
      this.emit(event, view, ...details);
    } catch {
      // the listener's problem, not the job's
    }
  }

  private finish(job: Job, status: JobStatus, result: unknown, error: unknown): void {
    job.status = status;
    job.result = result;
    job.failure = error;
    job.error = error === null ? null : status === 'cancelled' ? { code: 'job_cancelled', message: 'The job was cancelled; nothing was saved.' } : toErrorPayload(error);
    job.finishedAt = nowUtc();
    if (status === 'succeeded') job.progress = { percent: 100, stage: 'done' };
    const unexpected = status === 'failed' && !isAppError(error);
    this.safeEmit('settled', this.view(job), ...(unexpected ? [describeInternalError(error)] : []));
  }

  private existing(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('job_not_found', 'No job with this id is known to this Lectern process.');
    return job;
  }

  private view(job: Job): JobView {
    const { controller: _controller, settled: _settled, committing: _committing, failure: _failure, subject: _subject, ...view } = job;
    return { ...view, progress: { ...view.progress } };
  }
}

const registries = new WeakMap<object, JobRegistry>();

/** The jobs of the process that owns a data folder: one registry per owner (the DataStore), created on first use. */
export function jobRegistryFor(owner: object): JobRegistry {
  let registry = registries.get(owner);
  if (!registry) {
    registry = new JobRegistry();
    registries.set(owner, registry);
  }
  return registry;
}
