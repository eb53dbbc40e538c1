import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { stageUpload } from '../../src/core/exchange/index.js';
import type { RunPipelineResult } from '../../src/core/run-pipeline/index.js';
import { DataStore } from '../../src/platform/db/data-store.js';
import { jobRegistryFor, type JobView } from '../../src/platform/jobs/job-registry.js';
import { invokeErrorCode, invokeOk } from '../support/invoke.js';
import { speak } from '../support/speech.js';
import { makeTempDir } from '../support/temp-dir.js';

async function setup() {
  const store = DataStore.open(makeTempDir());
  after(async () => {
    await jobRegistryFor(store).cancelAll();
    store.close();
  });
  const { profile } = await invokeOk(store, 'profile_create', { name: 'Ada' });
  const profileId = profile.id;
  const { project } = await invokeOk(store, 'project_create', { profileId, project: { title: 'Pitch' } });
  const count = (sql: string) => store.profile(profileId).prepare(sql).pluck().get() as number;
  const staged = () => readdirSync(store.layout.stagingDir).filter((name) => !name.startsWith('.')).length;
  const settle = async (jobId: string): Promise<JobView> => {
    await jobRegistryFor(store).settled();
    return (await invokeOk(store, 'job_get', { jobId })).job as JobView;
  };
  return { store, profileId, projectId: project.id, count, staged, settle };
}

function silence(dir: string): string {
  const wav = join(dir, 'silence.wav');
  execFileSync('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', wav, 'trim', '0', '2']);
  return wav;
}

describe('run_record: a staged recording becomes an analysed run in one command', { timeout: 120_000 }, () => {
  test('the run owns the audio at once; its job transcribes then analyses, reporting saving, then analysing', async () => {
    const { store, profileId, projectId, settle } = await setup();
    const stages: string[] = [];
    jobRegistryFor(store).on('progress', (job: JobView) => stages.push(job.progress.stage));
    const uploadId = stageUpload(store, readFileSync(speak('Good morning everyone. Today we ship every day.', makeTempDir())));
    const { run, job } = await invokeOk(store, 'run_record', { profileId, projectId, uploadId });
    assert.equal(job.kind, 'run_pipeline');
    assert.equal(typeof run.audioArtifactId, 'string');
    assert.equal(run.transcriptId, null);
    const settled = await settle(job.id);
    assert.equal(settled.status, 'succeeded', JSON.stringify(settled.error));
    const result = settled.result as RunPipelineResult;
    const { run: after } = await invokeOk(store, 'run_get', { profileId, runId: run.id });
    assert.deepEqual(
      { transcriptId: after.transcriptId, feedbackId: after.feedbackId },
      { transcriptId: result.transcriptId, feedbackId: result.feedbackId },
    );
    assert.equal(stages.at(-1), 'analysing');
    assert.ok(stages.includes('decoding'), stages.join(','));
    assert.equal((await invokeOk(store, 'run_job_get', { profileId, runId: run.id })).job!.id, job.id);
  });

  test('a talk that does not exist: project_not_found, no run, no audio, nothing left in staging', async () => {
    const { store, profileId, count, staged } = await setup();
    const uploadId = stageUpload(store, readFileSync(speak('Hello there.', makeTempDir())));
    assert.equal(await invokeErrorCode(store, 'run_record', { profileId, projectId: 'proj_missing', uploadId }), 'project_not_found');
    assert.equal(count('SELECT count(*) FROM runs'), 0);
    assert.equal(count('SELECT count(*) FROM artifacts'), 0);
    assert.equal(staged(), 0);
  });

  test('not audio: audio_format_unsupported and no run', async () => {
    const { store, profileId, projectId, count } = await setup();
    const uploadId = stageUpload(store, Buffer.from('this is not a wav file'));
    assert.equal(await invokeErrorCode(store, 'run_record', { profileId, projectId, uploadId }), 'audio_format_unsupported');
    assert.equal(count('SELECT count(*) FROM runs'), 0);
    assert.equal(count('SELECT count(*) FROM artifacts'), 0);
  });

  test('the talk deleted while the audio was imported: the run is not written and the imported audio is deleted again', async () => {
    const { store, profileId, projectId, count } = await setup();
    const registry = jobRegistryFor(store);
    const removeTalk = (job: JobView) => {
      if (job.kind !== 'audio_import') return;
      registry.off('progress', removeTalk);
      store.profile(profileId).prepare('DELETE FROM talk_projects WHERE id = ?').run(projectId);
    };
    registry.on('progress', removeTalk);
    const uploadId = stageUpload(store, readFileSync(speak('Hello there, everyone.', makeTempDir())));
    assert.equal(await invokeErrorCode(store, 'run_record', { profileId, projectId, uploadId }), 'project_not_found');
    assert.equal(count('SELECT count(*) FROM runs'), 0);
    assert.equal(count(`SELECT count(*) FROM artifacts WHERE type = 'audio'`), 0);
    assert.deepEqual(readdirSync(join(store.layout.profileDir(profileId), 'artifacts'), { recursive: true }).filter((name) => String(name).endsWith('.wav')), []);
  });

  test('a silent take: the job fails with transcript_empty, the run and its audio stay; a typed transcript then completes it', async () => {
    const { store, profileId, projectId, settle } = await setup();
    const uploadId = stageUpload(store, readFileSync(silence(makeTempDir())));
    const { run, job } = await invokeOk(store, 'run_record', { profileId, projectId, uploadId });
    const failed = await settle(job.id);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.error!.code, 'transcript_empty');
    const { run: kept } = await invokeOk(store, 'run_get', { profileId, runId: run.id });
    assert.deepEqual({ audio: kept.audioArtifactId, transcript: kept.transcriptId }, { audio: run.audioArtifactId, transcript: null });

    const typed = await invokeOk(store, 'run_process', { profileId, runId: run.id, engine: 'manual', scriptText: 'What I meant to say.' });
    const done = await settle(typed.job.id);
    assert.equal(done.status, 'succeeded', JSON.stringify(done.error));
    const { run: analysed } = await invokeOk(store, 'run_get', { profileId, runId: run.id });
    assert.equal(analysed.feedbackId, (done.result as RunPipelineResult).feedbackId);
  });

  test('run_process while the job runs resumes the same job; after a cancel it starts a new one', async () => {
    const { store, profileId, projectId, settle } = await setup();
    const uploadId = stageUpload(store, readFileSync(speak('We ship every day and we learn every day.', makeTempDir())));
    const { run, job } = await invokeOk(store, 'run_record', { profileId, projectId, uploadId });
    assert.equal((await invokeOk(store, 'run_process', { profileId, runId: run.id })).job.id, job.id);
    await invokeOk(store, 'job_cancel', { jobId: job.id });
    assert.equal((await settle(job.id)).status, 'cancelled');
    const retried = await invokeOk(store, 'run_process', { profileId, runId: run.id });
    assert.notEqual(retried.job.id, job.id);
    assert.equal((await settle(retried.job.id)).status, 'succeeded');
  });

  test('run_process and run_job_get refuse a run that does not exist', async () => {
    const { store, profileId } = await setup();
    assert.equal(await invokeErrorCode(store, 'run_process', { profileId, runId: 'run_missing' }), 'run_not_found');
    assert.equal(await invokeErrorCode(store, 'run_job_get', { profileId, runId: 'run_missing' }), 'run_not_found');
  });
});
