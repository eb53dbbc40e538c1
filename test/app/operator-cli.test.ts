import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { DataLayout } from '../../src/platform/db/layout.js';
import { profileScope } from '../../src/platform/db/scope.js';
import { runCli } from '../support/cli.js';
import { DAMAGE } from '../support/damage.js';
import { fileBytes, fingerprintTree } from '../support/file-tree.js';
import { startLockHolder, stopProcess } from '../support/lock-holder.js';
import { addTalk, seededDataDir, session, talkTitles } from '../support/seeded-data-dir.js';

interface ListedSnapshot {
  name: string;
  reason: string;
  createdAt: string;
}

function listSnapshotsCli(dir: string, profileId: string): ListedSnapshot[] {
  const result = runCli(['snapshot', 'list', '--profile', profileId, '--json', '--data-dir', dir]);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout).databases[0].items;
}

describe('operator CLI', () => {
  test('snapshot create, list and verify; list and verify change no file; a damaged snapshot makes verify exit 3', () => {
    const { dir, profileId } = seededDataDir();
    const created = runCli(['snapshot', 'create', '--all', '--json', '--data-dir', dir]);
    assert.equal(created.status, 0, created.stderr);
    const databases = JSON.parse(created.stdout).databases as Array<{ scope: string; items: ListedSnapshot[] }>;
    assert.deepEqual(databases.map((d) => d.scope), ['global', 'profile']);
    assert.equal(databases[1]!.items[0]!.reason, 'manual');

    const before = fingerprintTree(dir);
    const listed = listSnapshotsCli(dir, profileId);
    assert.equal(listed[0]!.name, databases[1]!.items[0]!.name, 'newest first');
    const verified = runCli(['snapshot', 'verify', '--data-dir', dir]);
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /OK/);
    assert.deepEqual(fingerprintTree(dir), before);

    const backups = new DataLayout(dir).backupsDir(profileScope(profileId));
    writeFileSync(`${backups}/${listed[0]!.name}`, 'damaged');
    const failed = runCli(['snapshot', 'verify', '--profile', profileId, '--data-dir', dir]);
    assert.equal(failed.status, 3);
    assert.match(failed.stdout, /FAILED .*changed since it was taken/);
  });

  test('restore is refused with exit 4 while another process owns the data dir, and nothing changes', async () => {
    const { dir, profileId } = seededDataDir();
    const [snapshot] = listSnapshotsCli(dir, profileId);
    const holder = await startLockHolder(dir);
    try {
      const before = fileBytes(new DataLayout(dir).profileDb(profileId));
      const result = runCli(['restore', '--snapshot', snapshot!.name, '--profile', profileId, '--json', '--data-dir', dir]);
      assert.equal(result.status, 4);
      assert.equal(JSON.parse(result.stdout).error.code, 'data_dir_locked');
      assert.ok(fileBytes(new DataLayout(dir).profileDb(profileId)).equals(before));
    } finally {
      await stopProcess(holder);
    }
  });

  test('restore swaps in the chosen snapshot, keeps the current state as a pre-restore snapshot, and diagnose tells the story', () => {
    const { dir, profileId } = seededDataDir();
    const [older] = listSnapshotsCli(dir, profileId);
    session(dir, (store) => addTalk(store.profile(profileId), 'Added later'));
    const result = runCli(['restore', '--snapshot', older!.name, '--profile', profileId, '--data-dir', dir]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /restored by an operator/);
    session(dir, (store) => assert.deepEqual(talkTitles(store.profile(profileId)), ['Before']));
    assert.ok(listSnapshotsCli(dir, profileId).some((s) => s.reason === 'pre-restore'));
    const diagnosed = runCli(['diagnose', '--profile', profileId, '--data-dir', dir]);
    assert.match(diagnosed.stdout, /Last recovery: .*restored by an operator/);
  });

  for (const crashAt of ['restore-before-swap', 'restore-after-swap']) {
    test(`a restore killed at ${crashAt} is completed at the next start, with its event: the swap and its record never part`, () => {
      const { dir, profileId } = seededDataDir();
      session(dir, (store) => addTalk(store.profile(profileId), 'Later'));
      const [newest, older] = listSnapshotsCli(dir, profileId);
      assert.deepEqual([newest?.reason, older?.reason], ['scheduled', 'scheduled']);
      const killed = runCli(['restore', '--snapshot', older!.name, '--profile', profileId, '--data-dir', dir], { LECTERN_CRASH_AT: crashAt });
      assert.equal(killed.signal, 'SIGKILL');

      const events = runCli(['invoke', 'db_recovery_events_list', JSON.stringify({ profileId }), '--data-dir', dir]);
      assert.equal(events.status, 0, events.stderr);
      const [event] = JSON.parse(events.stdout).events;
      assert.equal(event.outcome, 'operator_restore');
      assert.equal(event.snapshotName, older!.name);
      session(dir, (store) => assert.deepEqual(talkTitles(store.profile(profileId)), ['Before']));
      assert.equal(existsSync(`${new DataLayout(dir).profileDb(profileId)}.restore-intent`), false);
    });
  }

  test('a manual snapshot outlives six CLI writes (each a short process that respects the snapshot schedule)', () => {
    const { dir, profileId } = seededDataDir();
    const created = runCli(['snapshot', 'create', '--profile', profileId, '--json', '--data-dir', dir]);
    const manual = JSON.parse(created.stdout).databases[0].items[0].name;
    for (let i = 0; i < 6; i += 1) {
      const write = runCli(['invoke', 'project_create', JSON.stringify({ profileId, project: { title: `Talk ${i}` } }), '--data-dir', dir]);
      assert.equal(write.status, 0, write.stderr);
    }
    const names = listSnapshotsCli(dir, profileId).map((s) => s.name);
    assert.ok(names.includes(manual), 'the manual snapshot is still there');
    assert.equal(names.length, 2, 'the seed’s scheduled snapshot and the manual one: no copy per write');
  });

  test('restore needs a database named: exit 2', () => {
    const { dir } = seededDataDir();
    assert.equal(runCli(['restore', '--snapshot', 'x', '--data-dir', dir]).status, 2);
  });

  test('after an automatic recovery, diagnose and quarantine list explain what happened in plain words', () => {
    const { dir, profileId } = seededDataDir();
    DAMAGE['zeroed header'](new DataLayout(dir).profileDb(profileId));
    assert.equal(runCli(['invoke', 'project_list', JSON.stringify({ profileId }), '--data-dir', dir]).status, 0);
    const diagnosed = runCli(['diagnose', '--profile', profileId, '--data-dir', dir]);
    assert.equal(diagnosed.status, 0, diagnosed.stdout);
    assert.match(diagnosed.stdout, /restored from the snapshot of .*: changes made after that snapshot are not in it, and may still be in the damaged file\. The damaged file is kept as /);
    const quarantine = runCli(['quarantine', 'list', '--data-dir', dir]);
    assert.match(quarantine.stdout, new RegExp(`: profile ${profileId}, not_a_database, set aside `));
    const events = runCli(['invoke', 'db_recovery_events_list', JSON.stringify({ profileId }), '--data-dir', dir]);
    assert.equal(JSON.parse(events.stdout).events[0].outcome, 'restored');
  });

  test('an automatic restore is told on stderr by the command that made it, once, in one line', () => {
    const { dir, profileId } = seededDataDir();
    DAMAGE['zeroed header'](new DataLayout(dir).profileDb(profileId));
    const first = runCli(['invoke', 'project_list', JSON.stringify({ profileId }), '--data-dir', dir]);
    assert.equal(first.status, 0, first.stderr);
    const lines = first.stderr.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, first.stderr);
    assert.match(lines[0]!, /^notice: This profile’s database was found damaged on .* It was restored from the snapshot of .*: changes made after that snapshot are not in it, and may still be in the damaged file\. The damaged file is kept as profile-\d{8}T\d{9}Z-[0-9a-f]{8}\.db\.$/);
    assert.doesNotMatch(lines[0]!, /\d{4}-\d{2}-\d{2}T/, 'times in local time, not ISO UTC');
    const second = runCli(['invoke', 'project_list', JSON.stringify({ profileId }), '--data-dir', dir]);
    assert.equal(second.stderr, '', 'told once');
  });

  test('reset is refused without --yes, then starts the database over and records the loss', () => {
    const { dir, profileId } = seededDataDir();
    const refused = runCli(['reset', '--profile', profileId, '--data-dir', dir]);
    assert.equal(refused.status, 4);
    assert.match(refused.stderr, /confirmation_required/);
    const reset = runCli(['reset', '--profile', profileId, '--yes', '--data-dir', dir]);
    assert.equal(reset.status, 0, reset.stderr);
    assert.match(reset.stdout, /reset by an operator/);
    session(dir, (store) => assert.deepEqual(talkTitles(store.profile(profileId)), []));
    const corrupted = readdirSync(new DataLayout(dir).corruptedDir(profileScope(profileId)));
    assert.equal(corrupted.filter((n) => n.endsWith('.db')).length, 1, 'the old database is kept');
  });

  test('db_snapshot_create through invoke makes a 0600 verified snapshot', () => {
    const { dir, profileId } = seededDataDir();
    const result = runCli(['invoke', 'db_snapshot_create', JSON.stringify({ profileId }), '--data-dir', dir]);
    assert.equal(result.status, 0, result.stdout);
    const snapshot = JSON.parse(result.stdout).snapshot;
    assert.equal(snapshot.verified, true);
    assert.equal(JSON.stringify(snapshot).includes(dir), false, 'no path in the result');
    const path = `${new DataLayout(dir).backupsDir(profileScope(profileId))}/${snapshot.name}`;
    assert.equal(statSync(path).mode & 0o777, 0o600);
  });
});
