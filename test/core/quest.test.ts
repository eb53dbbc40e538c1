import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { ArtifactStore } from '../../src/platform/artifacts/artifact-store.js';
import { DataStore } from '../../src/platform/db/data-store.js';
import { invokeErrorCode, invokeOk } from '../support/invoke.js';
import { makeTempDir } from '../support/temp-dir.js';

async function setup() {
  const store = DataStore.open(makeTempDir());
  after(() => store.close());
  const { profile } = await invokeOk(store, 'profile_create', { name: 'Ada' });
  const profileId = profile.id;
  const { project } = await invokeOk(store, 'project_ensure_training', { profileId });
  const artifacts = new ArtifactStore(store.profile(profileId), store.layout.profileDir(profileId));
  const audio = () => artifacts.commitWith([{ type: 'audio', extension: 'wav', data: Buffer.alloc(32) }], ([s]) => s!.id);
  return { store, profileId, projectId: project.id, audio };
}

describe('quests', () => {
  test('the catalogue lists at least 12 quests in English or French, in catalogue order', async () => {
    const { store, profileId } = await setup();
    const en = (await invokeOk(store, 'quest_list', { profileId })).quests;
    const fr = (await invokeOk(store, 'quest_list', { profileId, locale: 'fr' })).quests;
    assert.ok(en.length >= 12);
    assert.equal(en[0]!.code, 'A01');
    assert.deepEqual(en.map((q) => q.code), fr.map((q) => q.code));
    assert.notEqual(en[0]!.title, fr[0]!.title);
    assert.equal((await invokeOk(store, 'quest_get', { profileId, questCode: 'D01' })).quest.outputType, 'audio');
    assert.equal(await invokeErrorCode(store, 'quest_get', { profileId, questCode: 'NOPE' }), 'quest_not_found');
  });

  test('a text answer is trimmed and stored; wrong quest type, empty text and unknown talk are refused', async () => {
    const { store, profileId, projectId } = await setup();
    const { attempt } = await invokeOk(store, 'quest_submit_text', { profileId, projectId, questCode: 'A01', text: '  They will know X so that they can Y. ' });
    assert.equal(attempt.outputText, 'They will know X so that they can Y.');
    assert.equal(await invokeErrorCode(store, 'quest_submit_text', { profileId, projectId, questCode: 'D01', text: 'x' }), 'quest_output_type_mismatch');
    assert.equal(await invokeErrorCode(store, 'quest_submit_text', { profileId, projectId, questCode: 'A01', text: '  ' }), 'attempt_text_empty');
    assert.equal(await invokeErrorCode(store, 'quest_submit_text', { profileId, projectId, questCode: 'ZZZ', text: 'x' }), 'quest_not_found');
    assert.equal(await invokeErrorCode(store, 'quest_submit_text', { profileId, projectId: `proj_${'1'.repeat(32)}`, questCode: 'A01', text: 'x' }), 'project_not_found');
    const listed = (await invokeOk(store, 'quest_attempts_list', { profileId, projectId })).attempts;
    assert.deepEqual(listed.map((a) => a.id), [attempt.id]);
  });

  test('one attempt per recording: resubmitting the same audio returns it and attaches the transcript', async () => {
    const { store, profileId, projectId, audio } = await setup();
    const recording = audio();
    const first = (await invokeOk(store, 'quest_submit_audio', { profileId, projectId, questCode: 'D01', audioArtifactId: recording })).attempt;
    const { transcriptId } = await invokeOk(store, 'transcript_save', { profileId, text: 'Hello, I will talk about X.' });
    const again = (await invokeOk(store, 'quest_submit_audio', { profileId, projectId, questCode: 'D01', audioArtifactId: recording, transcriptId })).attempt;
    assert.equal(again.id, first.id);
    assert.equal(again.transcriptId, transcriptId);
    assert.equal(await invokeErrorCode(store, 'quest_submit_audio', { profileId, projectId, questCode: 'FREE', audioArtifactId: recording }), 'attempt_audio_in_use');
    assert.equal(await invokeErrorCode(store, 'quest_submit_audio', { profileId, projectId, questCode: 'D01', audioArtifactId: transcriptId }), 'artifact_not_audio');
    assert.equal((await invokeOk(store, 'quest_attempts_list', { profileId, projectId })).attempts.length, 1);
  });

  test('the report gives every quest with its latest attempt on the talk', async () => {
    const { store, profileId, projectId } = await setup();
    await invokeOk(store, 'quest_submit_text', { profileId, projectId, questCode: 'A01', text: 'first' });
    const { attempt: latest } = await invokeOk(store, 'quest_submit_text', { profileId, projectId, questCode: 'A01', text: 'second' });
    const { lines } = await invokeOk(store, 'quest_report', { profileId, projectId });
    assert.equal(lines.find((l) => l.quest.code === 'A01')!.latestAttempt!.id, latest.id);
    assert.equal(lines.find((l) => l.quest.code === 'D01')!.latestAttempt, null);
  });

  test('attempt lists default to 6 and clamp to 1..100', async () => {
    const { store, profileId, projectId } = await setup();
    for (let i = 0; i < 8; i += 1) await invokeOk(store, 'quest_submit_text', { profileId, projectId, questCode: 'A01', text: `answer ${i}` });
    const count = async (limit?: number) =>
      (await invokeOk(store, 'quest_attempts_list', { profileId, projectId, ...(limit === undefined ? {} : { limit }) })).attempts.length;
    assert.deepEqual([await count(), await count(-5), await count(500)], [6, 1, 8]);
  });
});

describe('a refused daily quest changes nothing', () => {
  test('an unknown time zone is refused before the hidden training talk is created', async () => {
    const store = DataStore.open(makeTempDir());
    after(() => store.close());
    const { profile } = await invokeOk(store, 'profile_create', { name: 'Ada' });
    const talks = () => store.profile(profile.id).prepare('SELECT count(*) FROM talk_projects').pluck().get();
    assert.equal(talks(), 0);
    assert.equal(await invokeErrorCode(store, 'quest_get_daily', { profileId: profile.id, timeZone: 'Mars/Olympus_Mons' }), 'time_zone_invalid');
    assert.equal(talks(), 0, 'no training talk was created');
    const { daily } = await invokeOk(store, 'quest_get_daily', { profileId: profile.id, timeZone: 'Europe/Paris' });
    assert.match(daily.day, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(talks(), 1);
  });
});
