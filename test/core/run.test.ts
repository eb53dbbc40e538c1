import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ArtifactStore } from '../../src/platform/artifacts/artifact-store.js';
import { invokeErrorCode, invokeOk } from '../support/invoke.js';
import { openStoreWithProfile } from '../support/profile-store.js';

async function setup() {
  const { store, profileId } = await openStoreWithProfile();
  const { project } = await invokeOk(store, 'project_create', { profileId, project: { title: 'Pitch' } });
  const newRun = async () => (await invokeOk(store, 'run_create', { profileId, projectId: project.id })).run;
  const typed = async (text: string) =>
    (await invokeOk(store, 'transcript_save', { profileId, text, language: 'en' })).transcriptId;
  const artifacts = new ArtifactStore(store.profile(profileId), store.layout.profileDir(profileId));
  return { store, profileId, projectId: project.id, newRun, typed, artifacts };
}

describe('runs and transcripts', () => {
  test('runs list newest first with a clamped limit; latest; unknown ids give their not_found code', async () => {
    const { store, profileId, projectId, newRun } = await setup();
    const made: string[] = [];
    for (let i = 0; i < 14; i += 1) made.push((await newRun()).id);
    const list = async (limit?: number) =>
      (await invokeOk(store, 'run_list', { profileId, projectId, ...(limit === undefined ? {} : { limit }) })).runs;
    assert.equal((await list()).length, 12);
    assert.equal((await list(0)).length, 1);
    assert.equal((await list(1000)).length, 14);
    assert.deepEqual((await list(3)).map((r) => r.id), made.slice(-3).reverse());
    assert.equal((await invokeOk(store, 'run_get_latest', { profileId, projectId })).run?.id, made.at(-1));
    assert.equal(await invokeErrorCode(store, 'run_get', { profileId, runId: `run_${'0'.repeat(32)}` }), 'run_not_found');
    assert.equal(await invokeErrorCode(store, 'run_create', { profileId, projectId: `proj_${'0'.repeat(32)}` }), 'project_not_found');
  });

  test('a typed transcript is stored untimed and linked to a run; an audio slot refuses a transcript', async () => {
    const { store, profileId, newRun, typed } = await setup();
    const run = await newRun();
    const transcriptId = await typed('Hello everyone.\n\n  Today I will show three things. ');
    const { transcript } = await invokeOk(store, 'transcript_get', { profileId, transcriptId });
    assert.equal(transcript.durationMs, null);
    assert.deepEqual(transcript.segments.map((s) => [s.text, s.tEndMs]), [['Hello everyone.', 0], ['Today I will show three things.', 0]]);
    const linked = (await invokeOk(store, 'run_set_transcript', { profileId, runId: run.id, transcriptId })).run;
    assert.equal(linked.transcriptId, transcriptId);
    assert.equal(await invokeErrorCode(store, 'run_attach_audio', { profileId, runId: run.id, audioArtifactId: transcriptId }), 'artifact_not_audio');
    assert.equal(await invokeErrorCode(store, 'transcript_save', { profileId, text: ' \n ' }), 'transcript_empty');
    assert.equal(await invokeErrorCode(store, 'transcript_save', { profileId, document: { schemaVersion: 2 } }), 'transcript_invalid');
    const filesBefore = store.profile(profileId).prepare('SELECT count(*) FROM artifacts').pluck().get();
    assert.equal(await invokeErrorCode(store, 'transcript_save', { profileId, text: 'a'.repeat(25_000) }), 'transcript_too_large');
    assert.equal(await invokeErrorCode(store, 'transcript_save', { profileId, text: 'line\n'.repeat(10_001) }), 'transcript_too_large');
    assert.equal(store.profile(profileId).prepare('SELECT count(*) FROM artifacts').pluck().get(), filesBefore, 'nothing stored');
  });

  test('an edited transcript is a new artifact that keeps the timing of the original', async () => {
    const { store, profileId } = await setup();
    const document = {
      schemaVersion: 1,
      language: 'en',
      durationMs: 9000,
      segments: [
        { tStartMs: 0, tEndMs: 2000, text: 'um hello' },
        { tStartMs: 2500, tEndMs: 5000, text: 'this is the plan' },
        { tStartMs: 5200, tEndMs: 9000, text: 'and the ask' },
      ],
    };
    const { transcriptId } = await invokeOk(store, 'transcript_save', { profileId, document });
    const edited = await invokeOk(
      store,
      'transcript_edit_save',
      { profileId, transcriptId, editedText: 'Hello.\nThis is the plan, and the ask.' },
    );
    assert.notEqual(edited.transcriptId, transcriptId);
    assert.deepEqual(edited.transcript.segments, [
      { tStartMs: 0, tEndMs: 2000, text: 'Hello.' },
      { tStartMs: 2500, tEndMs: 9000, text: 'This is the plan, and the ask.' },
    ]);
    const srt = await invokeOk(store, 'transcript_export', { profileId, transcriptId, format: 'srt' });
    assert.match(srt.fileName, /\.srt$/);
    assert.equal(
      srt.content,
      '1\n00:00:00,000 --> 00:00:02,000\num hello\n\n' +
        '2\n00:00:02,500 --> 00:00:05,000\nthis is the plan\n\n' +
        '3\n00:00:05,200 --> 00:00:09,000\nand the ask\n',
      'every cue, first one included, in order',
    );
    const vtt = await invokeOk(store, 'transcript_export', { profileId, transcriptId, format: 'vtt' });
    assert.match(vtt.fileName, /\.vtt$/);
    assert.equal(
      vtt.content,
      'WEBVTT\n\n' +
        '00:00:00.000 --> 00:00:02.000\num hello\n\n' +
        '00:00:02.500 --> 00:00:05.000\nthis is the plan\n\n' +
        '00:00:05.200 --> 00:00:09.000\nand the ask\n',
      'every cue, first one included, in order',
    );
    const txt = await invokeOk(store, 'transcript_export', { profileId, transcriptId, format: 'txt' });
    assert.equal(txt.content, 'um hello this is the plan and the ask\n');
  });

  test('run_delete removes the run, its own files and rows, and keeps an artifact another run still uses', async () => {
    const { store, profileId, newRun, typed, artifacts } = await setup();
    const [first, second] = [await newRun(), await newRun()];
    const shared = await typed('shared transcript');
    const audio = artifacts.commitWith([{ type: 'audio', extension: 'wav', data: Buffer.alloc(64) }], ([s]) => s!.id);
    await invokeOk(store, 'run_attach_audio', { profileId, runId: first.id, audioArtifactId: audio });
    for (const run of [first, second]) await invokeOk(store, 'run_set_transcript', { profileId, runId: run.id, transcriptId: shared });
    const audioPath = join(store.layout.profileDir(profileId), artifacts.get(audio).relPath);
    const result = await invokeOk(store, 'run_delete', { profileId, runId: first.id });
    assert.equal(result.deletedFiles, 1);
    assert.equal(existsSync(audioPath), false);
    assert.equal(artifacts.find(audio), null);
    assert.ok(artifacts.find(shared), 'the transcript is still used by the second run');
    assert.equal(await invokeErrorCode(store, 'run_get', { profileId, runId: first.id }), 'run_not_found');
  });

  test('a run_delete that fails inside its transaction (injected) changes nothing: rows and files stay', async () => {
    const { store, profileId, newRun, artifacts } = await setup();
    const run = await newRun();
    const audio = artifacts.commitWith([{ type: 'audio', extension: 'wav', data: Buffer.alloc(64) }], ([s]) => s!.id);
    await invokeOk(store, 'run_attach_audio', { profileId, runId: run.id, audioArtifactId: audio });
    store.profile(profileId).exec(`CREATE TEMP TRIGGER fail_artifact_delete BEFORE DELETE ON artifacts BEGIN SELECT RAISE(ABORT, 'injected'); END`);
    assert.equal(await invokeErrorCode(store, 'run_delete', { profileId, runId: run.id }), 'internal_error');
    store.profile(profileId).exec('DROP TRIGGER temp.fail_artifact_delete');
    assert.equal((await invokeOk(store, 'run_get', { profileId, runId: run.id })).run.audioArtifactId, audio);
    assert.ok(existsSync(join(store.layout.profileDir(profileId), artifacts.get(audio).relPath)));
  });
});
