import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { isSensitivePreferenceKey, preferenceKeyProblem } from '../../src/contracts/preferences.js';
import { DataStore } from '../../src/platform/db/data-store.js';
import { invokeErrorCode, invokeOk } from '../support/invoke.js';
import { makeTempDir } from '../support/temp-dir.js';

describe('preferences', () => {
  const store = DataStore.open(makeTempDir());
  after(() => store.close());

  test('global preferences round-trip, trim the key, and null deletes', async () => {
    assert.deepEqual(await invokeOk(store, 'preference_global_set', { key: ' ui.theme ', value: 'dark' }), { value: 'dark' });
    assert.deepEqual(await invokeOk(store, 'preference_global_get', { key: 'ui.theme' }), { value: 'dark' });
    assert.deepEqual(await invokeOk(store, 'preference_global_set', { key: 'ui.theme', value: null }), { value: null });
    assert.equal(store.global().prepare(`SELECT count(*) FROM global_settings WHERE key = 'ui.theme'`).pluck().get(), 0);
  });

  test('profile preferences are isolated per profile', async () => {
    const { profile: a } = await invokeOk(store, 'profile_create', { name: 'A' });
    const { profile: b } = await invokeOk(store, 'profile_create', { name: 'B' });
    await invokeOk(store, 'preference_profile_set', { profileId: a.id, key: 'coach.weeklyTarget', value: '7' });
    assert.deepEqual(await invokeOk(store, 'preference_profile_get', { profileId: a.id, key: 'coach.weeklyTarget' }), { value: '7' });
    assert.deepEqual(await invokeOk(store, 'preference_profile_get', { profileId: b.id, key: 'coach.weeklyTarget' }), { value: null });
    assert.equal(await invokeErrorCode(store, 'preference_profile_get', { profileId: `prof_${'0'.repeat(32)}`, key: 'x' }), 'profile_not_found');
  });

  test('sensitive keys are refused whatever their spelling, and nothing is stored', async () => {
    for (const key of ['api_key', 'Api-Key', 'asr.apiKey', 'remote:TOKEN', 'db.password', 'my.private.key', 'credentials', 'client_secret']) {
      assert.equal(await invokeErrorCode(store, 'preference_global_set', { key, value: 'x' }), 'preference_key_sensitive_forbidden', key);
    }
    assert.equal(store.global().prepare('SELECT count(*) FROM global_settings').pluck().get(), 0);
  });

  test('invalid keys and oversized values are refused with their codes', async () => {
    for (const key of ['', '   ', 'a b', 'é', 'k/../x', 'x'.repeat(161)]) {
      assert.equal(await invokeErrorCode(store, 'preference_global_set', { key, value: 'x' }), 'preference_key_invalid', JSON.stringify(key));
    }
    assert.deepEqual(await invokeOk(store, 'preference_global_set', { key: 'x'.repeat(160), value: 'ok' }), { value: 'ok' });
    assert.equal(await invokeErrorCode(store, 'preference_global_set', { key: 'big', value: 'é'.repeat(16 * 1024 + 1) }), 'preference_value_too_large');
    assert.deepEqual(await invokeOk(store, 'preference_global_set', { key: 'big', value: 'a'.repeat(32 * 1024) }), { value: 'a'.repeat(32 * 1024) });
  });

  test('the shared rules are the ones the server applies', () => {
    assert.equal(isSensitivePreferenceKey('SERVICE.API-KEY'), true);
    assert.equal(isSensitivePreferenceKey('ui.language'), false);
    assert.equal(preferenceKeyProblem('ui.language'), null);
  });
});
