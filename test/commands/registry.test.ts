import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { z } from 'zod';
import { ALL_COMMANDS, createCommandRegistry } from '../../src/commands/index.js';
import { COMMAND_CONTRACTS } from '../../src/contracts/command-catalogue.js';
import { CommandRegistry } from '../../src/commands/registry.js';
import { adHocCommand } from '../support/ad-hoc-command.js';
import { createProfile } from '../../src/core/workspace/index.js';
import { DataStore } from '../../src/platform/db/data-store.js';
import { makeTempDir } from '../support/temp-dir.js';

describe('command registry', () => {
  const store = DataStore.open(makeTempDir());
  after(() => store.close());
  const registry = createCommandRegistry();

  test('profile_db_diagnostics is reachable in-process and reports the global database', async () => {
    const outcome = await registry.invoke({ store }, 'profile_db_diagnostics', {});
    assert.equal(outcome.ok, true);
    const result = (outcome as { result: { global: { scope: string; integrityCheck: string }; profile: null } }).result;
    assert.equal(result.global.scope, 'global');
    assert.equal(result.global.integrityCheck, 'ok');
    assert.equal(result.profile, null);
  });

  test('with a profileId it reports that profile too', async () => {
    const profile = createProfile(store, 'Grace');
    const outcome = await registry.invoke({ store }, 'profile_db_diagnostics', { profileId: profile.id });
    assert.ok(outcome.ok);
    assert.equal((outcome.result as { profile: { scope: string } }).profile.scope, 'profile');
  });

  test('errors come back as { code, message }, never thrown', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['profile_db_diagnostics', { profileId: '../../etc' }, 'profile_id_invalid'],
      ['profile_db_diagnostics', { profileId: `prof_${'d'.repeat(32)}` }, 'profile_not_found'],
      ['profile_db_diagnostics', { profileId: 7 }, 'invalid_payload'],
      ['profile_db_diagnostics', { unexpected: true }, 'invalid_payload'],
      ['no_such_command', {}, 'command_unknown'],
    ];
    for (const [name, payload, code] of cases) {
      const outcome = await registry.invoke({ store }, name, payload);
      assert.equal(outcome.ok, false, name);
      assert.equal((outcome as { error: { code: string } }).error.code, code);
    }
  });

  test('a payload error names the field but never echoes the value', async () => {
    const outcome = await registry.invoke({ store }, 'profile_db_diagnostics', { profileId: { secret: 'hunter2' } });
    assert.ok(!outcome.ok);
    assert.match(outcome.error.message, /profileId/);
    assert.equal(outcome.error.message.includes('hunter2'), false);
  });

  test('a handler that breaks its result contract, or throws a plain error, is reported without internals', async () => {
    const local = new CommandRegistry([
      adHocCommand({
        name: 'broken_result',
        payload: z.object({}).strict(),
        result: z.object({ n: z.number() }).strict(),
        handler: () => ({ n: 'not a number' }) as unknown as { n: number },
      }),
      adHocCommand({
        name: 'plain_throw',
        payload: z.object({}).strict(),
        result: z.null(),
        handler: () => {
          throw new Error('SQLITE_ERROR at /home/ada/secret.db');
        },
      }),
    ]);
    const broken = await local.invoke({ store }, 'broken_result', {});
    assert.deepEqual(broken.ok ? null : broken.error.code, 'result_invalid');
    const thrown = await local.invoke({ store }, 'plain_throw', {});
    assert.ok(!thrown.ok);
    assert.equal(thrown.error.code, 'internal_error');
    assert.equal(thrown.error.message.includes('/home'), false);
  });
});

describe('the command catalogue', () => {
  test('every command of the catalogue is registered once, with the catalogue’s own contracts, and nothing else is', () => {
    const registered = new Map(ALL_COMMANDS.map((command) => [command.name, command]));
    assert.equal(registered.size, ALL_COMMANDS.length, 'no name registered twice');
    assert.deepEqual([...registered.keys()].sort(), Object.keys(COMMAND_CONTRACTS).sort());
    for (const [name, contract] of Object.entries(COMMAND_CONTRACTS)) {
      assert.equal(registered.get(name)?.payload, contract.payload, `${name}: payload contract`);
      assert.equal(registered.get(name)?.result, contract.result, `${name}: result contract`);
    }
  });
});
