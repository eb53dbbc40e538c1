import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { uptime } from 'node:os';
import { after, describe, test } from 'node:test';
import { DataStore } from '../../../src/platform/db/data-store.js';
import { DataLayout } from '../../../src/platform/db/layout.js';
import { runCli } from '../../support/cli.js';
import { assertThrowsCode } from '../../support/errors.js';
import { startLockHolder, stopProcess } from '../../support/lock-holder.js';
import { makeTempDir } from '../../support/temp-dir.js';

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

describe('data-dir lock', () => {
  test('the owner writes its pid and start time; closing removes the lock file', () => {
    const dir = makeTempDir();
    const store = DataStore.open(dir);
    const lockFile = new DataLayout(dir).lockFile;
    const holder = JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number; startedAt: string };
    assert.equal(holder.pid, process.pid);
    assert.match(holder.startedAt, /Z$/);
    store.close();
    store.close();
    assert.equal(existsSync(lockFile), false);
  });

  test('a second owner in the same process is refused with data_dir_locked', () => {
    const dir = makeTempDir();
    const store = DataStore.open(dir);
    after(() => store.close());
    const error = assertThrowsCode(() => DataStore.open(dir), 'data_dir_locked');
    assert.match(error.message, new RegExp(`pid ${process.pid}`));
  });

  test('another running process holding the data dir is refused with its pid, and the lock survives', async () => {
    const dir = makeTempDir();
    const holder = await startLockHolder(dir);
    try {
      const error = assertThrowsCode(() => DataStore.open(dir), 'data_dir_locked');
      assert.match(error.message, new RegExp(`pid ${holder.pid}`));
      assert.equal(JSON.parse(readFileSync(new DataLayout(dir).lockFile, 'utf8')).pid, holder.pid);
    } finally {
      await stopProcess(holder);
    }
  });

  test('read-only diagnostics run while another process owns the data dir', async () => {
    const dir = makeTempDir();
    const holder = await startLockHolder(dir);
    try {
      const result = runCli(['diagnose', '--data-dir', dir, '--json']);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(JSON.parse(result.stdout).global.integrityCheck, 'ok');
    } finally {
      await stopProcess(holder);
    }
  });

  test('a lock left by a process that was killed is taken over', async () => {
    const dir = makeTempDir();
    const holder = await startLockHolder(dir);
    await stopProcess(holder, 'SIGKILL');
    assert.ok(existsSync(new DataLayout(dir).lockFile), 'a crash leaves the lock file behind');
    const store = DataStore.open(dir);
    assert.equal(JSON.parse(readFileSync(new DataLayout(dir).lockFile, 'utf8')).pid, process.pid);
    assert.equal(store.global().pragma('quick_check', { simple: true }), 'ok');
    store.close();
  });

  test('a garbled lock file written moments ago may be another process mid-write: it is respected', () => {
    const dir = makeTempDir();
    DataStore.open(dir).close();
    writeFileSync(new DataLayout(dir).lockFile, '');
    assertThrowsCode(() => DataStore.open(dir), 'data_dir_locked');
  });

  test('a lock naming a dead pid, a lock from before the last boot, or an old garbled lock file is taken over, leaving no stray file', () => {
    const beforeBoot = new Date(Date.now() - uptime() * 1000 - 60_000).toISOString();
    const cases = [
      JSON.stringify({ pid: deadPid(), startedAt: new Date().toISOString(), token: 'abc' }),
      JSON.stringify({ pid: process.ppid, startedAt: beforeBoot, token: 'old' }),
      '{not json',
    ];
    for (const content of cases) {
      const dir = makeTempDir();
      const layout = new DataLayout(dir);
      DataStore.open(dir).close();
      writeFileSync(layout.lockFile, content);
      const aMinuteAgo = (Date.now() - 60_000) / 1000;
      utimesSync(layout.lockFile, aMinuteAgo, aMinuteAgo);
      const store = DataStore.open(dir);
      assert.equal(JSON.parse(readFileSync(layout.lockFile, 'utf8')).pid, process.pid);
      store.close();
      assert.deepEqual(readdirSync(dir).filter((name) => name.startsWith('lectern.lock')), []);
    }
  });
});
