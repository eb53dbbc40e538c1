import assert from 'node:assert/strict';
import { chmodSync, existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { REPO_ROOT } from '../support/cli.js';
import { invokeErrorCode, invokeOk } from '../support/invoke.js';
import { openStoreWithProfile } from '../support/profile-store.js';
import { makeTempDir } from '../support/temp-dir.js';

/** The migration files this checkout ships for a scope, oldest first (what a fresh database is migrated to). */
function migrationNames(scope: 'global' | 'profile'): string[] {
  return readdirSync(join(REPO_ROOT, 'migrations', scope))
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => name.slice(0, -'.sql'.length));
}

/** A stand-in file manager: writes the arguments it was started with to a file, one per line. */
function recordingFileManager(): { program: string; argsFile: string } {
  const dir = makeTempDir();
  const program = join(dir, 'file-manager');
  const argsFile = join(dir, 'args.txt');
  writeFileSync(program, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\n`);
  chmodSync(program, 0o755);
  return { program, argsFile };
}

async function waitForFile(path: string): Promise<string> {
  for (let i = 0; i < 200 && !existsSync(path); i += 1) await delay(25);
  return readFileSync(path, 'utf8');
}

describe('about Lectern', () => {
  test('app_about gives the version, the data folder and where each database stands against the migrations it ships', async () => {
    const { store, profileId } = await openStoreWithProfile();
    const about = await invokeOk(store, 'app_about', { profileId });
    const [globalSteps, profileSteps] = [migrationNames('global'), migrationNames('profile')];
    assert.equal(about.version, store.appVersion);
    assert.equal(realpathSync(about.dataFolder), realpathSync(store.layout.root));
    assert.equal(about.runtime.node, process.version);
    assert.match(about.runtime.sqlite, /^3\.\d+\.\d+$/);
    assert.deepEqual(about.databases.global, {
      schemaVersion: globalSteps.length,
      latestMigration: globalSteps.at(-1),
      knownVersion: globalSteps.length,
      knownLatestMigration: globalSteps.at(-1),
    });
    assert.deepEqual(about.databases.profile, {
      schemaVersion: profileSteps.length,
      latestMigration: profileSteps.at(-1),
      knownVersion: profileSteps.length,
      knownLatestMigration: profileSteps.at(-1),
    });
    assert.equal((await invokeOk(store, 'app_about', {})).databases.profile, null);
    assert.equal(await invokeErrorCode(store, 'app_about', { profileId: `prof_${'0'.repeat(32)}` }), 'profile_not_found');
    assert.equal(await invokeErrorCode(store, 'app_about', { profileId: '../etc' }), 'profile_id_invalid');
    assert.equal(await invokeErrorCode(store, 'app_about', { path: '/' }), 'invalid_payload');
  });

  test('data_folder_open starts the file manager on the data folder, passed as one argument; without one, folder_open_failed', async (t) => {
    const { store } = await openStoreWithProfile();
    const previous = process.env.LECTERN_FILE_MANAGER;
    t.after(() => {
      if (previous === undefined) delete process.env.LECTERN_FILE_MANAGER;
      else process.env.LECTERN_FILE_MANAGER = previous;
    });
    const { program, argsFile } = recordingFileManager();
    process.env.LECTERN_FILE_MANAGER = program;
    assert.deepEqual(await invokeOk(store, 'data_folder_open', {}), { opened: true });
    assert.equal(await waitForFile(argsFile), `${store.layout.root}\n`);

    process.env.LECTERN_FILE_MANAGER = join(makeTempDir(), 'no-such-file-manager');
    assert.equal(await invokeErrorCode(store, 'data_folder_open', {}), 'folder_open_failed');
    assert.equal(await invokeErrorCode(store, 'data_folder_open', { folder: '/etc' }), 'invalid_payload');
  });
});
