import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { z } from 'zod';
import { ALL_COMMANDS, createCommandRegistry } from '../../src/commands/index.js';
import { stageUpload } from '../../src/core/exchange/index.js';
import { DataStore } from '../../src/platform/db/data-store.js';
import { invokeErrorCode, invokeOk } from '../support/invoke.js';
import { makeTempDir } from '../support/temp-dir.js';

const UNKNOWN_PROFILE = `prof_${'0'.repeat(32)}`;

/** The smallest payload a schema accepts: its required fields only, each with a plain value of its kind. */
function smallestValid(schema: z.ZodType, key = ''): unknown {
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    return Object.fromEntries(
      Object.entries(shape)
        .filter(([, field]) => !field.safeParse(undefined).success)
        .map(([name, field]) => [name, smallestValid(field, name)]),
    );
  }
  if (schema instanceof z.ZodNullable) return smallestValid(schema.unwrap() as z.ZodType, key);
  if (schema instanceof z.ZodEnum) return schema.options[0];
  if (schema instanceof z.ZodLiteral) return schema.value;
  if (schema instanceof z.ZodNumber) return 1;
  if (schema instanceof z.ZodBoolean) return false;
  if (schema instanceof z.ZodArray) return [];
  if (schema instanceof z.ZodUnion) return smallestValid(schema.options[0] as z.ZodType, key);
  if (schema instanceof z.ZodString) return /Id$/.test(key) ? `${key.replace(/Id$/, '').slice(0, 4)}_${'1'.repeat(32)}` : 'Hello.';
  throw new Error(`no sample for ${key}: ${schema.constructor.name}`);
}

/** Whether the command's payload always names a profile: those are the profile-scoped commands. */
function requiresProfile(schema: z.ZodType): boolean {
  if (!(schema instanceof z.ZodObject)) return false;
  const field = (schema.shape as Record<string, z.ZodType | undefined>).profileId;
  return field !== undefined && !field.safeParse(undefined).success;
}

const PROFILE_COMMANDS = ALL_COMMANDS.filter((command) => requiresProfile(command.payload));

describe('the profile session, resolved once per command by the registry', () => {
  const dir = makeTempDir();
  const store = DataStore.open(dir);
  after(() => store.close());
  const registry = createCommandRegistry();

  test('every profile-scoped command refuses an unknown profile with profile_not_found, whatever else its payload holds, and creates no profile folder', async () => {
    const { profile } = await invokeOk(store, 'profile_create', { name: 'Ada' });
    const foldersBefore = readdirSync(store.layout.profilesDir).sort();
    const refused: string[] = [];
    for (const command of PROFILE_COMMANDS) {
      const payload = { ...(smallestValid(command.payload) as object), profileId: UNKNOWN_PROFILE };
      assert.equal(command.payload.safeParse(payload).success, true, `${command.name}: the sample payload is valid`);
      const outcome = await registry.invoke({ store }, command.name, payload);
      assert.equal(outcome.ok ? 'ok' : outcome.error.code, 'profile_not_found', `${command.name} with an unknown profile`);
      refused.push(command.name);
    }
    assert.deepEqual(refused, PROFILE_COMMANDS.map((command) => command.name));
    assert.deepEqual(readdirSync(store.layout.profilesDir).sort(), foldersBefore);
    assert.deepEqual(foldersBefore, [profile.id]);
  });

  test('a malformed profile id is refused with profile_id_invalid by every profile-scoped command', async () => {
    for (const command of PROFILE_COMMANDS) {
      const payload = { ...(smallestValid(command.payload) as object), profileId: '../../etc' };
      const outcome = await registry.invoke({ store }, command.name, payload);
      assert.equal(outcome.ok ? 'ok' : outcome.error.code, 'profile_id_invalid', `${command.name} with a malformed profile id`);
    }
  });

  test('an upload sent to an unknown profile is discarded, not left waiting in staging (audio_import, run_record)', async () => {
    const { profile } = await invokeOk(store, 'profile_create', { name: 'Grace' });
    const { project } = await invokeOk(store, 'project_create', { profileId: profile.id, project: { title: 'Pitch' } });
    const forImport = stageUpload(store, Buffer.from('RIFF'));
    assert.equal(await invokeErrorCode(store, 'audio_import', { profileId: UNKNOWN_PROFILE, uploadId: forImport }), 'profile_not_found');
    assert.equal(await invokeErrorCode(store, 'audio_import', { profileId: profile.id, uploadId: forImport }), 'upload_not_found');
    const forRun = stageUpload(store, Buffer.from('RIFF'));
    assert.equal(await invokeErrorCode(store, 'run_record', { profileId: UNKNOWN_PROFILE, projectId: project.id, uploadId: forRun }), 'profile_not_found');
    assert.equal(await invokeErrorCode(store, 'audio_import', { profileId: profile.id, uploadId: forRun }), 'upload_not_found');
  });
});
