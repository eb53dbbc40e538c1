import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ArtifactStore } from '../../src/platform/artifacts/artifact-store.js';
import { writeWavPcm16 } from '../../src/platform/audio/wav-writer.js';
import type { DataStore } from '../../src/platform/db/data-store.js';
import { UploadStaging } from '../../src/platform/uploads/upload-staging.js';
import { concat, harmonicTone, RATE, silence } from '../platform/audio/synth.js';
import { invokeErrorCode, invokeOk } from '../support/invoke.js';
import { openStoreWithProfile } from '../support/profile-store.js';

const NO_MEMO = `memo_${'0'.repeat(32)}`;

/** A recording as the upload route stores it: staged, converted and measured by audio_import. */
async function importedAudio(store: DataStore, profileId: string, toneMs = 1200): Promise<{ audioArtifactId: string; durationMs: number }> {
  const wav = writeWavPcm16(Int16Array.from(concat(silence(300), harmonicTone(140, toneMs), silence(300)), (x) => Math.round(x * 32767)), RATE);
  const { audioArtifactId, durationMs } = await invokeOk(store, 'audio_import', { profileId, uploadId: new UploadStaging(store.layout.root).stage(wav) });
  return { audioArtifactId, durationMs };
}

async function setup() {
  const { store, profileId } = await openStoreWithProfile();
  const artifacts = new ArtifactStore(store.profile(profileId), store.layout.profileDir(profileId));
  const fileOf = (artifactId: string) => join(store.layout.profileDir(profileId), artifacts.get(artifactId).relPath);
  const count = (table: string) => store.profile(profileId).prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const { project } = await invokeOk(store, 'project_create', { profileId, project: { title: 'Quarterly update' } });
  return { store, profileId, artifacts, fileOf, count, projectId: project.id };
}

describe('voice memos', () => {
  test('a memo keeps a recording: listed newest first with its duration, renamed (trimmed), then deleted with its file', async () => {
    const { store, profileId, artifacts, fileOf, count } = await setup();
    const first = await importedAudio(store, profileId, 1200);
    const second = await importedAudio(store, profileId, 2200);
    const { memo: unnamed } = await invokeOk(store, 'memo_create', { profileId, audioArtifactId: first.audioArtifactId });
    const { memo: named } = await invokeOk(store, 'memo_create', { profileId, audioArtifactId: second.audioArtifactId, title: '  Opening line  ' });
    assert.match(unnamed.id, /^memo_[0-9a-f]{32}$/);
    assert.equal(unnamed.title, null);
    assert.equal(unnamed.durationMs, first.durationMs);
    assert.equal(named.title, 'Opening line');
    assert.equal(named.durationMs, second.durationMs);
    assert.notEqual(first.durationMs, second.durationMs, 'the two recordings differ in length, so the durations prove which is which');

    assert.deepEqual((await invokeOk(store, 'memo_list', { profileId })).memos.map((memo) => memo.id), [named.id, unnamed.id]);
    assert.deepEqual((await invokeOk(store, 'memo_list', { profileId, limit: 0 })).memos.map((memo) => memo.id), [named.id]);

    const { memo: renamed } = await invokeOk(store, 'memo_rename', { profileId, memoId: unnamed.id, title: ' A story for the demo ' });
    assert.equal(renamed.title, 'A story for the demo');
    assert.equal(renamed.createdAt, unnamed.createdAt);

    const path = fileOf(unnamed.audioArtifactId);
    assert.ok(existsSync(path));
    assert.deepEqual(await invokeOk(store, 'memo_delete', { profileId, memoId: unnamed.id }), { deletedFiles: 1 });
    assert.equal(existsSync(path), false, 'the recording file is gone');
    assert.equal(artifacts.find(unnamed.audioArtifactId), null, 'and its row');
    assert.equal(count('voice_memos'), 1);
    assert.equal(await invokeErrorCode(store, 'memo_delete', { profileId, memoId: unnamed.id }), 'memo_not_found');
  });

  test('refusals change nothing: names that are blank or too long, recordings that are not audio or already used, unknown ids', async () => {
    const { store, profileId, count, projectId } = await setup();
    const audio = await importedAudio(store, profileId);
    const { memo } = await invokeOk(store, 'memo_create', { profileId, audioArtifactId: audio.audioArtifactId, title: 'Idea' });
    const { transcriptId } = await invokeOk(store, 'transcript_save', { profileId, text: 'Not a recording.' });

    assert.equal(await invokeErrorCode(store, 'memo_rename', { profileId, memoId: memo.id, title: '   ' }), 'memo_title_required');
    assert.equal(await invokeErrorCode(store, 'memo_rename', { profileId, memoId: memo.id, title: 'x'.repeat(121) }), 'memo_title_too_long');
    assert.equal((await invokeOk(store, 'memo_rename', { profileId, memoId: memo.id, title: 'é'.repeat(120) })).memo.title, 'é'.repeat(120));
    assert.equal(await invokeErrorCode(store, 'memo_rename', { profileId, memoId: NO_MEMO, title: 'Idea' }), 'memo_not_found');

    const other = await importedAudio(store, profileId);
    assert.equal(await invokeErrorCode(store, 'memo_create', { profileId, audioArtifactId: other.audioArtifactId, title: ' ' }), 'memo_title_required');
    assert.equal(await invokeErrorCode(store, 'memo_create', { profileId, audioArtifactId: transcriptId }), 'artifact_not_audio');
    assert.equal(await invokeErrorCode(store, 'memo_create', { profileId, audioArtifactId: `art_${'0'.repeat(32)}` }), 'artifact_not_found');
    assert.equal(await invokeErrorCode(store, 'memo_create', { profileId, audioArtifactId: audio.audioArtifactId }), 'memo_audio_in_use');
    const { run } = await invokeOk(store, 'run_create', { profileId, projectId });
    await invokeOk(store, 'run_attach_audio', { profileId, runId: run.id, audioArtifactId: other.audioArtifactId });
    assert.equal(await invokeErrorCode(store, 'memo_create', { profileId, audioArtifactId: other.audioArtifactId }), 'memo_audio_in_use');
    assert.equal(await invokeErrorCode(store, 'memo_create', { profileId: `prof_${'0'.repeat(32)}`, audioArtifactId: other.audioArtifactId }), 'profile_not_found');
    assert.equal(await invokeErrorCode(store, 'memo_list', { profileId, limit: 'all' }), 'invalid_payload');
    assert.equal(await invokeErrorCode(store, 'memo_to_run', { profileId, memoId: memo.id }), 'invalid_payload');

    assert.equal(count('voice_memos'), 1, 'only the first memo exists');
    assert.equal((await invokeOk(store, 'memo_list', { profileId })).memos[0]!.title, 'é'.repeat(120));
  });

  test('a memo becomes a run of a talk: the run has its recording and its date, the memo is gone, the file stays', async () => {
    const { store, profileId, fileOf, count, projectId } = await setup();
    const audio = await importedAudio(store, profileId);
    const { memo } = await invokeOk(store, 'memo_create', { profileId, audioArtifactId: audio.audioArtifactId, title: 'Take one' });

    assert.equal(await invokeErrorCode(store, 'memo_to_run', { profileId, memoId: memo.id, projectId: `proj_${'0'.repeat(32)}` }), 'project_not_found');
    assert.equal(await invokeErrorCode(store, 'memo_to_run', { profileId, memoId: NO_MEMO, projectId }), 'memo_not_found');
    assert.equal(count('runs'), 0);

    const { run } = await invokeOk(store, 'memo_to_run', { profileId, memoId: memo.id, projectId });
    assert.equal(run.projectId, projectId);
    assert.equal(run.audioArtifactId, audio.audioArtifactId);
    assert.equal(run.createdAt, memo.createdAt, 'the run is dated when it was spoken');
    assert.equal(run.transcriptId, null);
    assert.equal(count('voice_memos'), 0);
    assert.ok(existsSync(fileOf(audio.audioArtifactId)), 'the recording is the same file, now the run’s');
    assert.deepEqual((await invokeOk(store, 'run_list', { profileId, projectId })).runs.map((item) => item.id), [run.id]);

    // The run owns it now: deleting the run deletes the recording.
    const path = fileOf(audio.audioArtifactId);
    assert.deepEqual(await invokeOk(store, 'run_delete', { profileId, runId: run.id }), { deletedFiles: 1 });
    assert.equal(existsSync(path), false);
  });

  test('a memo_to_run that fails inside its transaction (injected) leaves the memo as it was and no run', async () => {
    const { store, profileId, count, projectId } = await setup();
    const audio = await importedAudio(store, profileId);
    const { memo } = await invokeOk(store, 'memo_create', { profileId, audioArtifactId: audio.audioArtifactId });
    store.profile(profileId).exec(`CREATE TEMP TRIGGER fail_memo_delete BEFORE DELETE ON voice_memos BEGIN SELECT RAISE(ABORT, 'injected'); END`);
    assert.equal(await invokeErrorCode(store, 'memo_to_run', { profileId, memoId: memo.id, projectId }), 'internal_error');
    store.profile(profileId).exec('DROP TRIGGER temp.fail_memo_delete');
    assert.equal(count('runs'), 0, 'the run inserted before the failure was rolled back');
    assert.deepEqual((await invokeOk(store, 'memo_list', { profileId })).memos, [memo]);
  });

  test('a memo_delete that fails inside its transaction (injected) keeps the memo, its row and its file', async () => {
    const { store, profileId, fileOf } = await setup();
    const audio = await importedAudio(store, profileId);
    const { memo } = await invokeOk(store, 'memo_create', { profileId, audioArtifactId: audio.audioArtifactId });
    store.profile(profileId).exec(`CREATE TEMP TRIGGER fail_artifact_delete BEFORE DELETE ON artifacts BEGIN SELECT RAISE(ABORT, 'injected'); END`);
    assert.equal(await invokeErrorCode(store, 'memo_delete', { profileId, memoId: memo.id }), 'internal_error');
    store.profile(profileId).exec('DROP TRIGGER temp.fail_artifact_delete');
    assert.deepEqual((await invokeOk(store, 'memo_list', { profileId })).memos, [memo]);
    assert.ok(existsSync(fileOf(audio.audioArtifactId)));
  });

  test('a run that shares a memo’s recording does not take it when the run is deleted', async () => {
    const { store, profileId, fileOf, projectId } = await setup();
    const audio = await importedAudio(store, profileId);
    const { memo } = await invokeOk(store, 'memo_create', { profileId, audioArtifactId: audio.audioArtifactId });
    const { run } = await invokeOk(store, 'run_create', { profileId, projectId });
    await invokeOk(store, 'run_attach_audio', { profileId, runId: run.id, audioArtifactId: audio.audioArtifactId });
    assert.deepEqual(await invokeOk(store, 'run_delete', { profileId, runId: run.id }), { deletedFiles: 0 });
    assert.ok(existsSync(fileOf(audio.audioArtifactId)), 'the memo still plays');
    assert.deepEqual((await invokeOk(store, 'memo_list', { profileId })).memos, [memo]);
  });
});
