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
