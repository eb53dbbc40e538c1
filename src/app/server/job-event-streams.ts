import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JobRegistry, JobView } from '../../platform/jobs/job-registry.js';
import { BASE_HEADERS } from './http-responses.js';

/** A comment line every 15 s keeps idle connections (and proxies, if a user adds one) from timing out. */
const HEARTBEAT_MS = 15_000;

/**
 * `GET /api/events`: server-sent job events for any number of open tabs. The streams share one subscription to the
 * job registry (one `progress` and one `settled` listener, whatever the number of tabs, so no listener limit is ever
 * reached) and one heartbeat; a tab's stream leaves the set when its connection closes.
 */
export class JobEventStreams {
  private readonly streams = new Set<ServerResponse>();
  private heartbeat: NodeJS.Timeout | null = null;
  private readonly onProgress = (job: JobView) => this.broadcast('progress', job);
  private readonly onSettled = (job: JobView) => this.broadcast('settled', job);

  constructor(private readonly jobs: JobRegistry) {
    jobs.on('progress', this.onProgress);
    jobs.on('settled', this.onSettled);
  }

  /** How many tabs are subscribed now. */
  get size(): number {
    return this.streams.size;
  }

  subscribe(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { ...BASE_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    this.streams.add(response);
    this.heartbeat ??= setInterval(() => this.writeToAll(': heartbeat\n\n'), HEARTBEAT_MS);
    request.once('close', () => this.unsubscribe(response));
  }

  /** Ends every stream and leaves the job registry (the server is closing). */
  close(): void {
    for (const response of this.streams) response.end();
    this.streams.clear();
    this.stopHeartbeat();
    this.jobs.off('progress', this.onProgress);
    this.jobs.off('settled', this.onSettled);
  }

  private unsubscribe(response: ServerResponse): void {
    this.streams.delete(response);
    if (this.streams.size === 0) this.stopHeartbeat();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private broadcast(event: string, job: JobView): void {
    this.writeToAll(`event: ${event}\ndata: ${JSON.stringify(job)}\n\n`);
  }

  private writeToAll(text: string): void {
    for (const response of this.streams) if (!response.destroyed) response.write(text);
  }
}
