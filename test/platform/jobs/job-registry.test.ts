import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../../src/kernel/errors.js';
import { JobRegistry } from '../../../src/platform/jobs/job-registry.js';

describe('job registry', () => {
  test('a cancel before the commit cancels; the job saves nothing and settles as cancelled', async () => {
    const jobs = new JobRegistry();
    let saved = false;
    const job = jobs.start('test', async ({ signal, beginCommit }) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (signal.aborted) throw new AppError('job_cancelled', 'cancelled');
      beginCommit();
      saved = true;
    });
    jobs.cancel(job.id);
    await jobs.settled();
    assert.equal(jobs.get(job.id).status, 'cancelled');
    assert.equal(saved, false);
  });

  test('a cancel that arrives during the commit is ignored: the job succeeds, never half-cancelled', async () => {
    const jobs = new JobRegistry();
    const job = jobs.start('test', async ({ report, beginCommit }) => {
      beginCommit();
      report({ percent: 97, stage: 'saving' });
      return 'saved';
    });
    jobs.on('progress', (view: { id: string }) => jobs.cancel(view.id));
    await jobs.settled();
    assert.deepEqual([jobs.get(job.id).status, jobs.get(job.id).result], ['succeeded', 'saved']);
  });

  test('a listener that throws neither fails the job nor crashes the process', async () => {
    const jobs = new JobRegistry();
    jobs.on('progress', () => {
      throw new Error('closed stream');
    });
    jobs.on('settled', () => {
      throw new Error('closed stream');
    });
    const job = jobs.start('test', async ({ report }) => {
      report({ percent: 50, stage: 'working' });
      return 1;
    });
    await jobs.settled();
    assert.equal(jobs.get(job.id).status, 'succeeded');
  });

  test('progress only goes forward, and failures keep their code', async () => {
    const jobs = new JobRegistry();
    const seen: number[] = [];
    jobs.on('progress', (view: { progress: { percent: number } }) => seen.push(view.progress.percent));
    const job = jobs.start('test', async ({ report }) => {
      report({ percent: 40, stage: 'a' });
      report({ percent: 20, stage: 'b' });
      throw new AppError('asr_failed', 'boom');
    });
    await jobs.settled();
    assert.deepEqual(seen, [40, 40]);
    assert.deepEqual([jobs.get(job.id).status, jobs.get(job.id).error?.code], ['failed', 'asr_failed']);
  });
});

test('a job that fails on an unexpected error settles as internal_error and hands the log its class and code location', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { sha256OfFile } = await import('../../../src/platform/fs/file-hash.js');
  const { makeTempDir } = await import('../../support/temp-dir.js');
  const registry = new JobRegistry();
  const seen: unknown[][] = [];
  registry.on('settled', (...args: unknown[]) => seen.push(args));
  const missing = join(makeTempDir(), 'missing.bin');
  const job = registry.start('hash', async () => sha256OfFile(missing));
  await registry.settled();
  const source = readFileSync(new URL('../../../src/platform/fs/file-hash.ts', import.meta.url), 'utf8').split('\n');
  const line = source.findIndex((text) => text.includes("openSync(path, 'r')"));
  const column = source[line]!.indexOf("openSync(path, 'r')") + 1;
  const registrySource = readFileSync(new URL('../../../src/platform/jobs/job-registry.ts', import.meta.url), 'utf8').split('\n');
  const workLine = registrySource.findIndex((text) => text.includes('job.settled = work('));
  const workColumn = registrySource[workLine]!.indexOf('work(') + 1;
  assert.equal(registry.get(job.id).error!.code, 'internal_error');
  assert.equal(seen.length, 1);
  assert.deepEqual(seen[0]![1], {
    errorClass: 'Error',
    errno: 'ENOENT',
    location: `src/platform/fs/file-hash.ts:${line + 1}:${column}`,
    stack: [`src/platform/fs/file-hash.ts:${line + 1}:${column}`, `src/platform/jobs/job-registry.ts:${workLine + 1}:${workColumn}`],
  });
  assert.equal(JSON.stringify(seen[0]![1]).includes(missing), false, 'never the path');
});
