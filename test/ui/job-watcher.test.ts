import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import { ApiError } from '../../ui/src/api/api-error';
import { JobWatcher } from '../../ui/src/api/job-watcher';
import type { Job } from '../../ui/src/api/types/transcription';
import { fakeLectern, type Answer, type FakeLectern } from './support/fake-lectern';

function job(status: Job['status'], fields: Partial<Job> = {}): Job {
  return {
    id: 'job-1',
    kind: 'transcription',
    status,
    progress: { percent: status === 'running' ? 40 : 100, stage: status === 'running' ? 'decoding' : 'done' },
    result: null,
    error: null,
    createdAt: '2024-03-05T09:00:00.000Z',
    finishedAt: status === 'running' ? null : '2024-03-05T09:01:00.000Z',
    ...fields,
  };
}

/** `GET /api/events` as the page's EventSource sees it: the test emits `progress` and `settled` events. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  closed = false;

  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }

  addEventListener(name: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
  }

  emit(name: string, data: string): void {
    for (const listener of this.listeners.get(name) ?? []) listener({ data } as MessageEvent<string>);
  }
}

/** Lets the fake fetch, readEnvelope and the watcher's promise callbacks run. */
async function settle(): Promise<void> {
  for (let round = 0; round < 5; round += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** job_get answers from a script: each poll takes the next answer, the last one repeats. */
function jobGetAnswers(...answers: Answer[]): (request: unknown) => Answer {
  let next = 0;
  return () => answers[Math.min(next++, answers.length - 1)] as Answer;
}

let server: FakeLectern | null = null;
const scope = globalThis as { EventSource?: unknown };

beforeEach(() => {
  mock.timers.enable({ apis: ['setInterval'] });
  FakeEventSource.opened = [];
});

afterEach(() => {
  mock.timers.reset();
  server?.restore();
  server = null;
  delete scope.EventSource;
});

describe('JobWatcher follows a job until it settles', { timeout: 10_000 }, () => {
  test('without an event stream it asks job_get at once and every 2 s, and stops asking once the job succeeded', async () => {
    server = fakeLectern({ job_get: jobGetAnswers({ result: { job: job('running') } }, { result: { job: job('succeeded') } }) });
    const seen: string[] = [];
    const settled = new JobWatcher().watch('job-1', (update) => seen.push(`${update.status} ${update.progress.percent}`));
    await settle();
    assert.deepEqual(server.routes(), ['job_get']);
    assert.deepEqual(server.sent[0]?.body, { jobId: 'job-1' });
    mock.timers.tick(1999);
    await settle();
    assert.equal(server.sent.length, 1, 'no second poll before 2 s');
    mock.timers.tick(1);
    const finished = await settled;
    assert.equal(finished.status, 'succeeded');
    assert.deepEqual(seen, ['running 40', 'succeeded 100']);
    mock.timers.tick(10_000);
    await settle();
    assert.equal(server.sent.length, 2, 'polling stopped when the job settled');
  });

  test('a failed job resolves (not rejects) with its error, so the page can say what went wrong', async () => {
    const failed = job('failed', { error: { code: 'audio_format_unsupported', message: 'Not a WAV file.' } });
    server = fakeLectern({ job_get: { result: { job: failed } } });
    const finished = await new JobWatcher().watch('job-1', () => undefined);
    assert.deepEqual([finished.status, finished.error?.code], ['failed', 'audio_format_unsupported']);
  });

  test('a job cancelled while watched settles through the event stream, without waiting for the next poll', async () => {
    scope.EventSource = FakeEventSource;
    server = fakeLectern({ job_get: { result: { job: job('running') } } });
    const seen: string[] = [];
    const watcher = new JobWatcher();
    const settled = watcher.watch('job-1', (update) => seen.push(update.status));
    await settle();
    const stream = FakeEventSource.opened[0];
    assert.equal(stream?.url, '/api/events');
    stream?.emit('progress', JSON.stringify(job('running', { id: 'job-2' }))); // another job: not this watch's
    stream?.emit('settled', JSON.stringify(job('cancelled')));
    const finished = await settled;
    assert.equal(finished.status, 'cancelled');
    assert.deepEqual(seen, ['running', 'cancelled']);
    assert.equal(server.sent.length, 1, 'only the first job_get was asked');
  });

  test('a job that settled before the watch began is answered from the stream, with no job_get', async () => {
    scope.EventSource = FakeEventSource;
    server = fakeLectern({});
    const watcher = new JobWatcher();
    FakeEventSource.opened[0]?.emit('settled', JSON.stringify(job('succeeded')));
    const finished = await watcher.watch('job-1', () => undefined);
    assert.equal(finished.status, 'succeeded');
    assert.deepEqual(server.routes(), []);
  });

  test('an event that is not JSON is ignored and the watch goes on', async () => {
    scope.EventSource = FakeEventSource;
    server = fakeLectern({ job_get: { result: { job: job('running') } } });
    const watcher = new JobWatcher();
    const settled = watcher.watch('job-1', () => undefined);
    await settle();
    const stream = FakeEventSource.opened[0];
    stream?.emit('progress', '{ not json');
    stream?.emit('settled', JSON.stringify(job('succeeded')));
    assert.equal((await settled).status, 'succeeded');
  });

  test('when job_get is refused the watch rejects with the coded error and polling stops', async () => {
    server = fakeLectern({ job_get: { error: { code: 'job_not_found', message: 'No such job.' }, status: 404 } });
    const watched = new JobWatcher().watch('job-1', () => undefined);
    await assert.rejects(watched, (error: unknown) => error instanceof ApiError && error.code === 'job_not_found');
    mock.timers.tick(10_000);
    await settle();
    assert.equal(server.sent.length, 1, 'no poll after the refusal');
  });

  test('when Lectern cannot be reached the watch rejects with network_error', async () => {
    server = fakeLectern({ job_get: 'network_down' });
    await assert.rejects(
      new JobWatcher().watch('job-1', () => undefined),
      (error: unknown) => error instanceof ApiError && error.code === 'network_error',
    );
  });

  test('close() closes the event stream and stops notifying watches', async () => {
    scope.EventSource = FakeEventSource;
    server = fakeLectern({ job_get: { result: { job: job('running') } } });
    const watcher = new JobWatcher();
    const seen: string[] = [];
    void watcher.watch('job-1', (update) => seen.push(update.status));
    await settle();
    watcher.close();
    const stream = FakeEventSource.opened[0];
    assert.equal(stream?.closed, true);
    stream?.emit('settled', JSON.stringify(job('succeeded')));
    assert.deepEqual(seen, ['running']);
  });
});
