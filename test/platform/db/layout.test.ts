import assert from 'node:assert/strict';
import { chmodSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DataStore } from '../../../src/platform/db/data-store.js';
import { DataLayout, assertValidProfileId, resolveDataDir } from '../../../src/platform/db/layout.js';
import { profileScope } from '../../../src/platform/db/scope.js';
import { assertThrowsCode } from '../../support/errors.js';
import { fingerprintTree, listDirModes } from '../../support/file-tree.js';
import { makeTempDir } from '../../support/temp-dir.js';

describe('data directory', () => {
  test('--data-dir wins over LECTERN_DATA_DIR, which wins over the OS user-data folder', () => {
    const env = { LECTERN_DATA_DIR: '/srv/from-env' };
    assert.equal(resolveDataDir({ flag: '/srv/from-flag', env }), '/srv/from-flag');
    assert.equal(resolveDataDir({ env }), '/srv/from-env');
    assert.equal(resolveDataDir({ env: {}, platform: 'linux', home: '/home/ada' }), '/home/ada/.local/share/lectern');
    assert.equal(
      resolveDataDir({ env: { XDG_DATA_HOME: '/home/ada/data' }, platform: 'linux', home: '/home/ada' }),
      '/home/ada/data/lectern',
    );
    assert.equal(
      resolveDataDir({ env: {}, platform: 'darwin', home: '/Users/ada' }),
      '/Users/ada/Library/Application Support/Lectern',
    );
    assert.match(resolveDataDir({ env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, platform: 'win32', home: '/x' }), /Lectern$/);
  });

  test('the layout puts each profile under profiles/<id>/ with its own backups/ and corrupted/, all 0700', () => {
    const root = makeTempDir();
    const layout = new DataLayout(root);
    const id = `prof_${'0123456789abcdef'.repeat(2)}`;
    layout.ensureScopeDirs(profileScope(id));
    assert.equal(layout.profileDb(id), join(root, 'profiles', id, 'profile.db'));
    assert.ok(existsSync(join(root, 'profiles', id, 'backups')));
    assert.ok(existsSync(join(root, 'profiles', id, 'corrupted')));
    for (const [dir, mode] of listDirModes(root)) assert.equal(mode, 0o700, dir);
  });
});

describe('profile id validation', () => {
  const hostile = [
    '../../etc',
    'prof_../../../../tmp',
    `prof_${'A'.repeat(32)}`,
    `prof_${'0'.repeat(31)}`,
    `prof_${'0'.repeat(33)}`,
    `proj_${'0'.repeat(32)}`,
    `prof_${'0'.repeat(31)}/`,
    `/abs/prof_${'0'.repeat(32)}`,
    '',
    42,
    null,
  ];

  for (const value of hostile) {
    test(`${JSON.stringify(value)} is refused with profile_id_invalid before any path is built`, () => {
      assertThrowsCode(() => assertValidProfileId(value), 'profile_id_invalid');
      const layout = new DataLayout('/nowhere');
      assertThrowsCode(() => layout.profileDir(value as string), 'profile_id_invalid');
      assertThrowsCode(() => layout.profileDb(value as string), 'profile_id_invalid');
    });
  }

  test('a well-formed id is accepted', () => {
    assert.doesNotThrow(() => assertValidProfileId(`prof_${'9f'.repeat(16)}`));
  });
});

describe('whose folder --data-dir points at', () => {
  test('a folder that holds other files is refused with data_dir_not_lectern and left exactly as it was (mode included)', () => {
    const root = makeTempDir();
    writeFileSync(join(root, 'thesis.tex'), 'my work');
    chmodSync(root, 0o755);
    const before = fingerprintTree(root);
    assertThrowsCode(() => DataStore.open(root), 'data_dir_not_lectern');
    assert.deepEqual(fingerprintTree(root), before);
    assert.equal(statSync(root).mode & 0o7777, 0o755);
  });

  test('a shared folder (world-writable with the sticky bit, like /tmp) is refused even when empty', () => {
    const root = makeTempDir();
    chmodSync(root, 0o1777);
    assertThrowsCode(() => DataStore.open(root), 'data_dir_not_lectern');
    assert.deepEqual(readdirSync(root), []);
    assert.equal(statSync(root).mode & 0o7777, 0o1777);
  });

  test('an empty folder is claimed (private, with its marker), and a data folder from before the marker is accepted', () => {
    const root = makeTempDir();
    const first = DataStore.open(root);
    first.global();
    first.close();
    assert.equal(statSync(root).mode & 0o777, 0o700);
    assert.ok(existsSync(join(root, '.lectern-data')));
    rmSync(join(root, '.lectern-data'));
    DataStore.open(root).close();
    writeFileSync(join(root, 'notes.txt'), 'the speaker keeps notes here');
    DataStore.open(root).close();
  });
});
