import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AppProcess } from './app-process.js';

export interface EventStream {
  /** Everything received so far. */
  text(): string;
  waitFor(done: (text: string) => boolean): Promise<void>;
  close(): void;
}

/** A tab's subscription to /api/events: resolves once the server said it is connected. */
export function openEventStream(app: Pick<AppProcess, 'port' | 'cookie'>): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    let text = '';
    const req = httpRequest({ host: '127.0.0.1', port: app.port, path: '/api/events', headers: { host: `127.0.0.1:${app.port}`, cookie: app.cookie } });
    req.on('error', () => {});
    req.on('response', (res: IncomingMessage) => {
      if (res.statusCode !== 200) return reject(new Error(`events answered ${res.statusCode}`));
      res.setEncoding('utf8');
      res.on('error', () => {});
      const waiters: Array<() => void> = [];
      res.on('data', (chunk: string) => {
        text += chunk;
        for (const waiter of [...waiters]) waiter();
      });
      const ready = () => {
        if (!text.includes(': connected')) return;
        resolve({
          text: () => text,
          close: () => req.destroy(),
          waitFor: (done) =>
            new Promise<void>((settle, fail) => {
              const limit = setTimeout(() => fail(new Error(`no matching event; got ${text.slice(-400)}`)), 20_000);
              const check = () => {
                if (done(text)) {
                  clearTimeout(limit);
                  settle();
                }
              };
              waiters.push(check);
              check();
            }),
        });
      };
      waiters.push(ready);
      ready();
    });
    req.end();
  });
}

export interface JobEvent {
  event: string;
  job: { id: string; kind: string; status: string; progress: { percent: number; stage: string }; error: { code: string } | null };
}

/** The job events of an event stream's text, in order (comments and heartbeats left out). */
export function jobEvents(text: string): JobEvent[] {
  return text
    .split('\n\n')
    .map((block) => ({ event: /^event: (\w+)$/m.exec(block)?.[1], data: /^data: (.*)$/m.exec(block)?.[1] }))
    .filter((entry): entry is { event: string; data: string } => entry.event !== undefined && entry.data !== undefined)
    .map((entry) => ({ event: entry.event, job: JSON.parse(entry.data) as JobEvent['job'] }));
}
