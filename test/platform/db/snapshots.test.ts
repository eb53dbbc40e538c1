import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { createProfile } from '../../../src/core/workspace/index.js';
import { DataStore } from '../../../src/platform/db/data-store.js';
import { DataLayout } from '../../../src/platform/db/layout.js';
import { migrationStepsFor } from '../../../src/platform/db/migration-steps.js';
import { migrate } from '../../../src/platform/db/migrator.js';
import { GLOBAL_SCOPE, profileScope } from '../../../src/platform/db/scope.js';
import { listSnapshots, manifestPathOf, type SnapshotEntry } from '../../../src/platform/db/snapshots/snapshot-inventory.js';
import { parseSnapshotName, snapshotName } from '../../../src/platform/db/snapshots/snapshot-name.js';
import { CHANGES_BEFORE_EARLY_SNAPSHOT, MIN_MINUTES_BETWEEN_RUNNING_SNAPSHOTS } from '../../../src/platform/db/snapshots/snapshot-policy.js';
import { snapshotsToKeep } from '../../../src/platform/db/snapshots/snapshot-retention.js';
import { verifySnapshotFile } from '../../../src/platform/db/snapshots/verify-snapshot.js';
import { assertThrowsCode } from '../../support/errors.js';
import { fileBytes } from '../../support/file-tree.js';
import { addTalk, seededDataDir, session, talkTitlesInFile } from '../../support/seeded-data-dir.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { stopProcess } from '../../support/lock-holder.js';
import { startPinnedReader } from '../../support/database-holders.js';

function snapshotsOf(dir: string, profileId?: string): SnapshotEntry[] {
  const layout = new DataLayout(dir);
  return listSnapshots(layout.backupsDir(profileId ? profileScope(profileId) : GLOBAL_SCOPE));
}


describe('snapshot service', () => {
  test('a manual snapshot is verified, 0600, recorded with size, sha256, schema version and reason, and holds work still in the WAL', () => {
    const { dir, profileId } = seededDataDir();
    const entry = session(dir, (store) => {
      addTalk(store.profile(profileId), 'Only in the WAL');
      return store.snapshot(profileScope(profileId));
    });
    assert.equal(entry.reason, 'manual');
    assert.equal(statSync(entry.path).mode & 0o777, 0o600);
    assert.equal(statSync(manifestPathOf(entry.path)).mode & 0o777, 0o600);
    const manifest = entry.manifest!;
    assert.equal(manifest.verified, true);
    assert.equal(manifest.bytes, statSync(entry.path).size);
    assert.equal(manifest.schemaVersion, migrationStepsFor(profileScope(profileId)).length);
    assert.equal(verifySnapshotFile(entry.path, { manifest, target: profileScope(profileId) }).ok, true);
    assert.deepEqual(talkTitlesInFile(entry.path), ['Before', 'Only in the WAL']);
    const backupFiles = readdirSync(new DataLayout(dir).backupsDir(profileScope(profileId)));
    assert.deepEqual(backupFiles.filter((n) => n.startsWith('.tmp') || n.endsWith('-wal') || n.endsWith('-shm')), [], 'no temp or WAL litter');
    const copy = new Database(entry.path, { readonly: true });
    assert.equal(copy.pragma('journal_mode', { simple: true }), 'delete', 'a self-contained file, not a WAL database');
    copy.close();
  });

  test('with a reader in another process pinning an older WAL snapshot, the snapshot falls back to VACUUM INTO and still holds every committed row', async () => {
    const { dir, profileId } = seededDataDir();
    const store = DataStore.open(dir, { appVersion: 'test' });
    try {
      const db = store.profile(profileId);
      const reader = await startPinnedReader(new DataLayout(dir).profileDb(profileId));
      try {
        addTalk(db, 'After the reader began');
        const [passive] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>;
        assert.ok(passive!.checkpointed < passive!.log, 'the reader keeps the newest frames in the WAL');
        const entry = store.snapshot(profileScope(profileId));
        assert.deepEqual(talkTitlesInFile(entry.path), ['After the reader began', 'Before']);
        assert.equal(verifySnapshotFile(entry.path, { manifest: entry.manifest!, target: profileScope(profileId) }).ok, true);
      } finally {
        await stopProcess(reader);
      }
    } finally {
      store.close();
    }
  });

  test('snapshot names carry scope, UTC time with ms, schema version and reason, and order by parsed time across a schema-version change', () => {
    const older = snapshotName({ scope: 'profile', createdAt: new Date('2026-01-01T10:00:00.000Z'), schemaVersion: 9, reason: 'pre-migration' });
    const newer = snapshotName({ scope: 'profile', createdAt: new Date('2026-03-01T10:00:00.001Z'), schemaVersion: 2, reason: 'scheduled' });
    assert.deepEqual(parseSnapshotName(newer), { scope: 'profile', createdAt: '2026-03-01T10:00:00.001Z', schemaVersion: 2, reason: 'scheduled' });
    const dir = makeTempDir();
    for (const name of [older, newer]) writeFileSync(join(dir, name), '');
    writeFileSync(join(dir, 'notes.txt'), '');
    assert.deepEqual(listSnapshots(dir).map((e) => e.name), [newer, older]);
  });

  test('a database that holds data gets a verified pre-migration snapshot before pending steps run', () => {
    const dir = makeTempDir();
    const profileId = session(dir, (store) => createProfile(store, 'Ada').id);
    const layout = new DataLayout(dir);
    const path = layout.profileDb(profileId);
    // Put the profile database back at version 1, holding a talk, as an older Lectern would have left it.
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    for (const snapshot of snapshotsOf(dir, profileId)) rmSync(snapshot.path);
    const old = new Database(path);
    migrate(old, migrationStepsFor(profileScope(profileId)).slice(0, 1));
    addTalk(old, 'Old talk');
    old.close();

    session(dir, (store) => {
      store.profile(profileId);
      const snapshots = snapshotsOf(dir, profileId);
      const guard = snapshots.find((s) => s.reason === 'pre-migration')!;
      assert.ok(guard, `expected a pre-migration snapshot, got ${snapshots.map((s) => s.name)}`);
      assert.equal(guard.schemaVersion, 1);
      assert.equal(guard.manifest!.migratesTo, migrationStepsFor(profileScope(profileId)).length);
      assert.deepEqual(talkTitlesInFile(guard.path), ['Old talk']);
    });
  });

  test('a brand-new database gets no pre-migration snapshot', () => {
    const dir = makeTempDir();
    session(dir, (store) => store.global());
    assert.deepEqual(snapshotsOf(dir).filter((s) => s.reason === 'pre-migration'), []);
  });

  test('at first open, a scheduled snapshot is taken only when the newest is older than the interval and the data changed since', () => {
    const { dir, profileId } = seededDataDir();
    const scope = profileScope(profileId);
    const scheduledCount = () => snapshotsOf(dir, profileId).filter((s) => s.reason === 'scheduled').length;
    const start = scheduledCount();
    assert.ok(start >= 1, 'closing a session that changed data took a shutdown snapshot');

    session(dir, (store) => store.profile(profileId));
    assert.equal(scheduledCount(), start, 'recent snapshot: none due');

    ageAllSnapshots(dir, scope, 48);
    const dbPath = new DataLayout(dir).profileDb(profileId);
    const threeDaysAgo = (Date.now() - 72 * 3600_000) / 1000;
    utimesSync(dbPath, threeDaysAgo, threeDaysAgo);
    session(dir, (store) => store.profile(profileId));
    assert.equal(scheduledCount(), start, 'old snapshot but no change since: none due');

    ageAllSnapshots(dir, scope, 48);
    session(dir, (store) => addTalk(store.profile(profileId), 'Changed'));
    const afterChange = scheduledCount();
    ageAllSnapshots(dir, scope, 48);
    session(dir, (store) => store.profile(profileId));
    assert.equal(scheduledCount(), afterChange + 1, 'old snapshot and changed data: one scheduled snapshot');
  });

  test('closing a session takes a snapshot only when its data changed', () => {
    const { dir, profileId } = seededDataDir();
    const count = () => snapshotsOf(dir, profileId).length;
    const start = count();
    session(dir, (store) => store.profile(profileId));
    assert.equal(count(), start);
    session(dir, (store) => addTalk(store.profile(profileId), 'New'));
    assert.equal(count(), start + 1);
    assert.deepEqual(talkTitlesInFile(snapshotsOf(dir, profileId)[0]!.path), ['Before', 'New']);
  });
});

/** Renames every snapshot of a scope as if it had been taken `hours` earlier (the name carries the time). */
function ageAllSnapshots(dir: string, scope: ReturnType<typeof profileScope>, hours: number): void {
  for (const snapshot of listSnapshots(new DataLayout(dir).backupsDir(scope))) {
    const older = snapshotName({ ...snapshot, createdAt: new Date(Date.parse(snapshot.createdAt) - hours * 3600_000) });
    const target = join(dirname(snapshot.path), older);
    renameSync(snapshot.path, target);
    if (existsSync(manifestPathOf(snapshot.path))) renameSync(manifestPathOf(snapshot.path), manifestPathOf(target));
  }
}

describe('snapshot retention', () => {
  const entry = (name: string, reason: SnapshotEntry['reason'], schemaVersion: number, minutes: number): SnapshotEntry => ({
    name,
    path: `/x/${name}`,
    scope: 'profile',
    reason,
    schemaVersion,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, minutes)).toISOString(),
    manifest: null,
  });

  test('keeps the newest 5 scheduled, 5 manual (their own class), 3 pre-migration, 3 pre-restore, 3 post-restore, and the guard of the latest migration', () => {
    const entries = [
      ...Array.from({ length: 8 }, (_, i) => entry(`sched${i}`, 'scheduled', 3, 100 + i)),
      ...Array.from({ length: 7 }, (_, i) => entry(`manual${i}`, 'manual', 3, 10 + i)),
      entry('guard', 'pre-migration', 2, 50),
      ...Array.from({ length: 4 }, (_, i) => entry(`retry${i}`, 'pre-migration', 3, 60 + i)),
      ...Array.from({ length: 4 }, (_, i) => entry(`restore${i}`, 'pre-restore', 3, 70 + i)),
      ...Array.from({ length: 4 }, (_, i) => entry(`restored${i}`, 'post-restore', 3, 80 + i)),
    ].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    const keep = snapshotsToKeep(entries, 3);
    assert.deepEqual([...keep].sort(), [
      'guard',
      'manual2', 'manual3', 'manual4', 'manual5', 'manual6',
      'restore1', 'restore2', 'restore3',
      'restored1', 'restored2', 'restored3',
      'retry1', 'retry2', 'retry3',
      'sched3', 'sched4', 'sched5', 'sched6', 'sched7',
    ]);
  });

  test('a manual snapshot outlives any number of short processes that write: they respect the schedule and take no copy at close', () => {
    const { dir, profileId } = seededDataDir();
    const manual = session(dir, (store) => store.snapshot(profileScope(profileId), 'manual'));
    const before = snapshotsOf(dir, profileId).map((s) => s.name);
    for (let i = 0; i < 8; i += 1) {
      const store = DataStore.open(dir, { appVersion: 'test' });
      try {
        addTalk(store.profile(profileId), `Write ${i}`);
      } finally {
        store.close();
      }
    }
    assert.deepEqual(snapshotsOf(dir, profileId).map((s) => s.name), before, 'no snapshot taken, none pruned');
    assert.ok(before.includes(manual.name));
  });

  test('repeated manual snapshots of a real database are pruned to 5, files and manifests alike; the scheduled one stays', () => {
    const { dir, profileId } = seededDataDir();
    session(dir, (store) => {
      for (let i = 0; i < 7; i += 1) store.snapshot(profileScope(profileId));
    });
    const names = readdirSync(new DataLayout(dir).backupsDir(profileScope(profileId)));
    assert.equal(names.filter((n) => /-manual-[0-9a-f]{6}\.db$/.test(n)).length, 5);
    assert.equal(names.filter((n) => /-manual-[0-9a-f]{6}\.db\.json$/.test(n)).length, 5);
    assert.equal(names.filter((n) => /-scheduled-[0-9a-f]{6}\.db$/.test(n)).length, 1, 'the seed’s own snapshot is another class');
  });
});

describe('snapshot failures', () => {
  const isRoot = process.getuid?.() === 0;

  test('a disk-full snapshot leaves the database untouched, removes its temp file and deletes no earlier snapshot', { skip: !isRoot && 'mounting a small tmpfs needs root' }, (t) => {
    const { dir, profileId } = seededDataDir();
    const scope = profileScope(profileId);
    const backups = new DataLayout(dir).backupsDir(scope);
    for (const name of readdirSync(backups)) rmSync(join(backups, name));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0700', 'tmpfs', backups]);
    t.after(() => execFileSync('umount', ['-l', backups]));

    session(dir, (store) => {
      store.snapshot(scope);
      const db = store.profile(profileId);
      for (let i = 0; i < 40; i += 1) addTalk(db, `Talk ${i} ${'x'.repeat(100)}`, 400);
      db.pragma('wal_checkpoint(TRUNCATE)');
      const dbPath = new DataLayout(dir).profileDb(profileId);
      const before = fileBytes(dbPath);
      const rowsBefore = db.prepare('SELECT count(*) FROM runs').pluck().get();
      const snapshotsBefore = readdirSync(backups).sort();
      assertThrowsCode(() => store.snapshot(scope), 'snapshot_failed_disk_full');
      assert.ok(fileBytes(dbPath).equals(before), 'the database file is untouched');
      assert.equal(db.prepare('SELECT count(*) FROM runs').pluck().get(), rowsBefore);
      assert.deepEqual(readdirSync(backups).sort(), snapshotsBefore, 'no temp file, every earlier snapshot kept');
    });
  });

  test('no verified snapshot, no migration: a failed pre-migration snapshot blocks the upgrade and changes nothing', { skip: !isRoot && 'mounting a small tmpfs needs root' }, (t) => {
    const dir = makeTempDir();
    const profileId = session(dir, (store) => createProfile(store, 'Ada').id);
    const layout = new DataLayout(dir);
    const path = layout.profileDb(profileId);
    for (const suffix of ['', '-wal', '-shm', '.clean-shutdown']) rmSync(path + suffix, { force: true });
    const backups = layout.backupsDir(profileScope(profileId));
    for (const name of readdirSync(backups)) rmSync(join(backups, name));
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    migrate(old, migrationStepsFor(profileScope(profileId)).slice(0, 1));
    for (let i = 0; i < 30; i += 1) addTalk(old, `Old talk ${i} ${'y'.repeat(100)}`, 30);
    old.close();
    writeFileSync(`${path}.clean-shutdown`, '{}');
    const before = fileBytes(path);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0700', 'tmpfs', backups]);
    t.after(() => execFileSync('umount', ['-l', backups]));

    session(dir, (store) => assertThrowsCode(() => store.profile(profileId), 'migration_blocked_no_snapshot'));
    assert.ok(fileBytes(path).equals(before), 'still at version 1, byte for byte');
    assert.deepEqual(readdirSync(backups), []);
  });
});

describe('while the app runs', () => {
  const HOUR = 3_600_000;

  test('a scheduled snapshot is taken once the interval is over, in a worker thread, with every committed row', async () => {
    const { dir, profileId } = seededDataDir();
    const store = DataStore.open(dir, { appVersion: 'test' });
    try {
      const db = store.profile(profileId);
      addTalk(db, 'Said during a long session');
      const newest = snapshotsOf(dir, profileId)[0]!;
      const tooSoon = new Date(Date.parse(newest.createdAt) + HOUR);
      assert.deepEqual(await store.takeDueSnapshotsInBackground(tooSoon), [], 'an hour after the last one, with little change: not due');

      let turns = 0;
      const ticker = setInterval(() => (turns += 1), 0);
      const taken = await store.takeDueSnapshotsInBackground(new Date(Date.parse(newest.createdAt) + 25 * HOUR));
      clearInterval(ticker);
      assert.ok(turns > 0, 'the event loop kept turning while the snapshot was taken');
      const profileSnapshot = taken.find((entry) => entry.scope === 'profile')!;
      assert.equal(profileSnapshot.reason, 'scheduled');
      assert.deepEqual(talkTitlesInFile(profileSnapshot.path), ['Before', 'Said during a long session']);
      assert.equal(verifySnapshotFile(profileSnapshot.path, { manifest: profileSnapshot.manifest!, target: profileScope(profileId) }).ok, true);
      assert.deepEqual(await store.takeDueSnapshotsInBackground(new Date(Date.parse(newest.createdAt) + 26 * HOUR)), [], 'no change since: not due');
    } finally {
      store.close();
    }
  });

  test('after a bounded amount of change a snapshot is taken before the interval is over, but not twice within 15 minutes', async () => {
    const { dir, profileId } = seededDataDir();
    const store = DataStore.open(dir, { appVersion: 'test' });
    try {
      const newest = snapshotsOf(dir, profileId)[0]!;
      const at = (minutes: number) => new Date(Date.parse(newest.createdAt) + minutes * 60_000);
      addTalk(store.profile(profileId), 'A busy session', CHANGES_BEFORE_EARLY_SNAPSHOT);
      assert.deepEqual(await store.takeDueSnapshotsInBackground(at(MIN_MINUTES_BETWEEN_RUNNING_SNAPSHOTS - 1)), [], 'too soon after the last one');
      const [taken] = await store.takeDueSnapshotsInBackground(at(MIN_MINUTES_BETWEEN_RUNNING_SNAPSHOTS));
      assert.equal(taken?.scope, 'profile');
      assert.deepEqual(talkTitlesInFile(taken!.path), ['A busy session', 'Before']);
    } finally {
      store.close();
    }
  });
});

describe('JSON read back from disk is validated, never cast', () => {
  test('a manifest whose fields are not what Lectern writes counts as missing: the snapshot is verified again before use', () => {
    const { dir, profileId } = seededDataDir();
    const [entry] = snapshotsOf(dir, profileId);
    const manifest = JSON.parse(readFileSync(manifestPathOf(entry!.path), 'utf8'));
    writeFileSync(manifestPathOf(entry!.path), JSON.stringify({ ...manifest, bytes: String(manifest.bytes) }));
    assert.equal(snapshotsOf(dir, profileId)[0]!.manifest, null);
    writeFileSync(manifestPathOf(entry!.path), JSON.stringify(manifest));
    assert.equal(snapshotsOf(dir, profileId)[0]!.manifest?.bytes, manifest.bytes);
  });
});
