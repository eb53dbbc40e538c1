import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { invokeErrorCode, invokeOk } from '../support/invoke.js';
import type { CommandPayload } from '../../src/contracts/command-catalogue.js';
import { ManualClock } from '../../src/kernel/clock.js';
import { openStoreWithProfile } from '../support/profile-store.js';

async function setup(clock = new ManualClock('2026-11-20T09:00:00.000Z')) {
  const { store, profileId } = await openStoreWithProfile({ clock });
  const create = async (project: CommandPayload<'project_create'>['project']) =>
    (await invokeOk(store, 'project_create', { profileId, project })).project;
  return { store, profileId, create };
}

describe('talks', () => {
  test('project_create trims, numbers talks in order, starts as draft and becomes active', async () => {
    const { store, profileId, create } = await setup();
    const first = await create({ title: '  Quarterly review ', audience: ' ', goal: 'Get budget', durationTargetSec: 600 });
    const second = await create({ title: 'Demo day' });
    assert.deepEqual([first.title, first.audience, first.goal, first.durationTargetSec, first.stage], ['Quarterly review', null, 'Get budget', 600, 'draft']);
    assert.deepEqual([first.talkNumber, second.talkNumber], [1, 2]);
    const { project } = await invokeOk(store, 'project_get_active', { profileId });
    assert.equal(project?.id, second.id);
  });

  test('bad talk input is refused with its code and changes nothing', async () => {
    const { store, profileId, create } = await setup();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '   ' }, 'project_title_required'],
      [{ title: 'x'.repeat(121) }, 'project_title_too_long'],
      [{ title: 'ok', durationTargetSec: 0 }, 'project_duration_invalid'],
      [{ title: 'ok', durationTargetSec: 12.5 }, 'project_duration_invalid'],
      [{ title: 'ok', audience: 'a'.repeat(241) }, 'project_audience_too_long'],
      [{ title: 'ok', goal: 'g'.repeat(1001) }, 'project_goal_too_long'],
      [{ title: 'ok', stage: 'draft' }, 'invalid_payload'],
    ];
    for (const [project, code] of cases) {
      assert.equal(await invokeErrorCode(store, 'project_create', { profileId, project }), code, JSON.stringify(project).slice(0, 60));
    }
    assert.equal(await invokeErrorCode(store, 'project_create', { profileId: `prof_${'0'.repeat(32)}`, project: { title: 'x' } }), 'profile_not_found');
    assert.deepEqual((await invokeOk(store, 'project_list', { profileId })).projects, []);
    await create({ title: 'Fine' });
    assert.equal((await invokeOk(store, 'project_list', { profileId })).projects.length, 1);
  });

  test('project_update changes only the given fields, checks the stage, bumps updatedAt', async () => {
    const clock = new ManualClock('2026-11-20T09:00:00.000Z');
    const { store, profileId, create } = await setup(clock);
    const talk = await create({ title: 'Pitch', goal: 'Raise' });
    clock.set('2026-11-21T17:45:12.345Z');
    const { project } = await invokeOk(store, 'project_update', {
      profileId,
      projectId: talk.id,
      changes: { stage: 'train', audience: 'Investors' },
    });
    assert.deepEqual([project.title, project.goal, project.audience, project.stage], ['Pitch', 'Raise', 'Investors', 'train']);
    assert.deepEqual([talk.createdAt, talk.updatedAt, project.createdAt, project.updatedAt], [
      '2026-11-20T09:00:00.000Z',
      '2026-11-20T09:00:00.000Z',
      '2026-11-20T09:00:00.000Z',
      '2026-11-21T17:45:12.345Z',
    ]);
    const stored = (await invokeOk(store, 'project_list', { profileId })).projects.find((p) => p.id === talk.id);
    assert.equal(stored?.updatedAt, '2026-11-21T17:45:12.345Z');
    assert.equal(await invokeErrorCode(store, 'project_update', { profileId, projectId: talk.id, changes: { stage: 'shipped' } }), 'project_stage_invalid');
    assert.equal(await invokeErrorCode(store, 'project_update', { profileId, projectId: `proj_${'9'.repeat(32)}`, changes: {} }), 'project_not_found');
  });

  test('the training talk is unique, hidden from the talk list and never active', async () => {
    const { store, profileId, create } = await setup();
    const a = (await invokeOk(store, 'project_ensure_training', { profileId })).project;
    const b = (await invokeOk(store, 'project_ensure_training', { profileId })).project;
    assert.equal(a.id, b.id);
    assert.equal(a.isTraining, true);
    assert.equal(a.talkNumber, null);
    assert.equal(await invokeErrorCode(store, 'project_set_active', { profileId, projectId: a.id }), 'project_training_not_activatable');
    assert.deepEqual((await invokeOk(store, 'project_get_active', { profileId })).project, null);
    const talk = await create({ title: 'Real talk' });
    const listed = (await invokeOk(store, 'project_list', { profileId })).projects;
    assert.deepEqual(listed.map((p) => [p.id, p.isActive]), [[talk.id, true]]);
  });

  test('outline: template until saved, then the saved markdown; export gives a safe file name', async () => {
    const { store, profileId, create } = await setup();
    const talk = await create({ title: 'Été 2026: résultats / Q3' });
    const template = (await invokeOk(store, 'outline_get', { profileId, projectId: talk.id })).outline;
    assert.equal(template.updatedAt, null);
    assert.match(template.markdown, /^# Été 2026: résultats \/ Q3\n/);
    assert.match(template.markdown, /## Key points/);
    await invokeOk(store, 'outline_set', { profileId, projectId: talk.id, markdown: '# Mine\n- point' });
    const saved = (await invokeOk(store, 'outline_get', { profileId, projectId: talk.id })).outline;
    assert.equal(saved.markdown, '# Mine\n- point');
    assert.ok(saved.updatedAt);
    const exported = await invokeOk(store, 'outline_export', { profileId, projectId: talk.id });
    assert.equal(exported.fileName, 'talk-1-ete-2026-resultats-q3.md');
    assert.equal(exported.markdown, '# Mine\n- point');
    assert.equal(await invokeErrorCode(store, 'outline_set', { profileId, projectId: talk.id, markdown: 'x'.repeat(200 * 1024 + 1) }), 'outline_too_large');
  });
});
