import assert from 'node:assert/strict';
import type { CommandResult } from '../../src/contracts/command-catalogue.js';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { ManualClock } from '../../src/kernel/clock.js';
import { DataStore } from '../../src/platform/db/data-store.js';
import { invokeErrorCode, invokeOk } from '../support/invoke.js';
import { makeTempDir } from '../support/temp-dir.js';

type ProfileView = CommandResult<'profile_create'>['profile'] & Partial<Pick<CommandResult<'profile_list'>['profiles'][number], 'sizeBytes' | 'talkCount'>>;

function freshStore(clock?: ManualClock): DataStore {
  const store = DataStore.open(makeTempDir(), clock ? { clock } : {});
  after(() => store.close());
  return store;
}

async function create(store: DataStore, name: string): Promise<ProfileView> {
  return (await invokeOk(store, 'profile_create', { name })).profile;
}

async function list(store: DataStore): Promise<ProfileView[]> {
  return (await invokeOk(store, 'profile_list', {})).profiles;
}

describe('workspace commands', () => {
  test('profile_create trims the name, makes the new profile active and creates its database', async () => {
    const store = freshStore();
    const first = await create(store, '  Ada ');
    const second = await create(store, 'Grace');
    assert.equal(first.name, 'Ada');
    const profiles = await list(store);
    assert.deepEqual(profiles.map((p) => [p.name, p.isActive]), [['Ada', false], ['Grace', true]]);
    assert.ok(existsSync(store.layout.profileDb(second.id)));
    assert.ok(profiles.every((p) => (p.sizeBytes ?? 0) > 0 && p.talkCount === 0));
  });

  test('a damaged profile is still listed, with its problem, and the others stay reachable', async () => {
    const store = freshStore();
    const ada = await create(store, 'Ada');
    const grace = await create(store, 'Grace');
    store.closeProfile(ada.id);
    writeFileSync(store.layout.profileDb(ada.id), 'garbage, not a database '.repeat(100));
    const profiles = (await invokeOk(store, 'profile_list', {})).profiles;
    assert.deepEqual(profiles.map((p) => [p.id, p.talkCount, p.problem]), [[ada.id, null, 'db_recovery_no_snapshot'], [grace.id, 0, null]]);
  });

  test('profile_switch activates a profile and stamps lastOpenedAt; unknown ids are profile_not_found', async () => {
    const clock = new ManualClock('2026-11-20T09:00:00.000Z');
    const store = freshStore(clock);
    const ada = await create(store, 'Ada');
    clock.set('2026-11-21T10:00:00.000Z');
    await create(store, 'Grace');
    clock.set('2026-11-22T08:30:00.250Z');
    const switched = (await invokeOk(store, 'profile_switch', { profileId: ada.id })).profile;
    assert.equal(switched.isActive, true);
    assert.deepEqual([ada.lastOpenedAt, switched.lastOpenedAt], ['2026-11-20T09:00:00.000Z', '2026-11-22T08:30:00.250Z']);
    assert.equal((await list(store)).find((p) => p.id === ada.id)?.lastOpenedAt, '2026-11-22T08:30:00.250Z');
    assert.deepEqual((await list(store)).filter((p) => p.isActive).map((p) => p.id), [ada.id]);
    assert.equal(await invokeErrorCode(store, 'profile_switch', { profileId: `prof_${'a'.repeat(32)}` }), 'profile_not_found');
    assert.equal(await invokeErrorCode(store, 'profile_switch', { profileId: '../x' }), 'profile_id_invalid');
  });

  test('profile_rename keeps names unique ignoring case, but a profile may change the case of its own name', async () => {
    const store = freshStore();
    const ada = await create(store, 'Ada');
    await create(store, 'Grace');
    assert.equal(await invokeErrorCode(store, 'profile_rename', { profileId: ada.id, name: 'GRACE' }), 'profile_name_exists');
    assert.equal((await invokeOk(store, 'profile_rename', { profileId: ada.id, name: 'ADA' })).profile.name, 'ADA');
    assert.equal(await invokeErrorCode(store, 'profile_rename', { profileId: ada.id, name: '   ' }), 'profile_name_invalid');
  });

  test('deleting the active profile activates the newest remaining one and removes only its folder', async () => {
    const store = freshStore();
    const ada = await create(store, 'Ada');
    const grace = await create(store, 'Grace');
    const linus = await create(store, 'Linus');
    const result = await invokeOk(store, 'profile_delete', { profileId: linus.id });
    assert.equal(result.activeProfileId, grace.id);
    assert.deepEqual(readdirSync(store.layout.profilesDir).sort(), [ada.id, grace.id].sort());
    assert.equal(await invokeErrorCode(store, 'profile_delete', { profileId: linus.id }), 'profile_not_found');
  });

  test('deleting a profile that is not active keeps the active one', async () => {
    const store = freshStore();
    const ada = await create(store, 'Ada');
    const grace = await create(store, 'Grace');
    assert.equal((await invokeOk(store, 'profile_delete', { profileId: ada.id })).activeProfileId, grace.id);
  });

  test('a delete that fails inside its transaction (injected) changes nothing: row, active flag and folder stay', async () => {
    const store = freshStore();
    const ada = await create(store, 'Ada');
    const grace = await create(store, 'Grace');
    store.global().exec(`CREATE TEMP TRIGGER fail_activate BEFORE UPDATE OF is_active ON profiles WHEN NEW.is_active = 1 BEGIN SELECT RAISE(ABORT, 'injected'); END`);
    assert.equal(await invokeErrorCode(store, 'profile_delete', { profileId: grace.id }), 'internal_error');
    store.global().exec('DROP TRIGGER temp.fail_activate');
    const profiles = await list(store);
    assert.deepEqual(profiles.map((p) => [p.id, p.isActive]), [[ada.id, false], [grace.id, true]]);
    assert.ok(existsSync(store.layout.profileDb(grace.id)));
  });

  test('a switch that fails inside its transaction (injected) leaves the previous profile active', async () => {
    const store = freshStore();
    const ada = await create(store, 'Ada');
    const grace = await create(store, 'Grace');
    store.global().exec(`CREATE TEMP TRIGGER fail_stamp BEFORE UPDATE OF last_opened_at ON profiles BEGIN SELECT RAISE(ABORT, 'injected'); END`);
    assert.equal(await invokeErrorCode(store, 'profile_switch', { profileId: ada.id }), 'internal_error');
    store.global().exec('DROP TRIGGER temp.fail_stamp');
    assert.deepEqual((await list(store)).filter((p) => p.isActive).map((p) => p.id), [grace.id]);
  });
});
