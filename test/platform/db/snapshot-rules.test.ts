import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { manifestPathOf, type SnapshotEntry } from '../../../src/platform/db/snapshots/snapshot-inventory.js';
import { parseSnapshotName, snapshotName } from '../../../src/platform/db/snapshots/snapshot-name.js';
import {
  isIntervalOver,
  isRunningSnapshotDue,
  isScheduledSnapshotDue,
  readPreOpenFacts,
  readSnapshotIntervalHours,
  type PreOpenFacts,
} from '../../../src/platform/db/snapshots/snapshot-policy.js';
import { pruneSnapshots, snapshotsToKeep } from '../../../src/platform/db/snapshots/snapshot-retention.js';
import { makeTempDir } from '../../support/temp-dir.js';

// The snapshot rules on their own, without opening a data folder: when a snapshot is due, which ones are kept, and
// what a snapshot's name says. (test/platform/db/snapshots.test.ts proves the same rules through a real DataStore.)

const HOUR = 3_600_000;
const SNAPSHOT_AT = '2026-11-25T12:00:00.000Z';
const after = (ms: number) => new Date(Date.parse(SNAPSHOT_AT) + ms);

describe('the snapshot interval preference', { timeout: 10_000 }, () => {
  function globalDbWith(value: string | null): Database.Database {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE global_settings (key TEXT PRIMARY KEY, value_json TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT`);
    if (value !== null) db.prepare(`INSERT INTO global_settings VALUES ('snapshot.intervalHours', ?, '2026-11-25T12:00:00.000Z')`).run(value);
    return db;
  }

  test('a stored interval of 1 hour to 30 days is used as it is', () => {
    assert.deepEqual(['1', '6', '"12"', '720'].map((value) => readSnapshotIntervalHours(globalDbWith(value))), [1, 6, 12, 720]);
  });

  test('no stored interval, one out of range or one that is not a number falls back to 24 hours', () => {
    for (const value of [null, '0.5', '721', 'null', '"often"', '{not json']) {
      assert.equal(readSnapshotIntervalHours(globalDbWith(value)), 24, String(value));
    }
  });
});

describe('when a snapshot is due', { timeout: 10_000 }, () => {
  const existing: PreOpenFacts = { exists: true, bytes: 4096, mtimeMs: Date.parse(SNAPSHOT_AT) - HOUR, walBytes: 0, cleanShutdown: true };

  test('readPreOpenFacts reads the file and its WAL before the database is opened', () => {
    const dir = makeTempDir();
    const path = join(dir, 'profile.db');
    assert.deepEqual(readPreOpenFacts(path, false), { exists: false, bytes: 0, mtimeMs: 0, walBytes: 0, cleanShutdown: false });
    writeFileSync(path, Buffer.alloc(4096));
    writeFileSync(`${path}-wal`, Buffer.alloc(100));
    const facts = readPreOpenFacts(path, true);
    assert.deepEqual([facts.exists, facts.bytes, facts.walBytes, facts.cleanShutdown], [true, 4096, 100, true]);
    assert.ok(facts.mtimeMs > 0);
  });

  test('isIntervalOver: no snapshot yet, or the newest is at least the interval old', () => {
    assert.equal(isIntervalOver(null, 24, after(0)), true);
    assert.equal(isIntervalOver(SNAPSHOT_AT, 24, after(24 * HOUR - 1)), false);
    assert.equal(isIntervalOver(SNAPSHOT_AT, 24, after(24 * HOUR)), true);
    assert.equal(isIntervalOver(SNAPSHOT_AT, 1, after(HOUR)), true);
  });

  test('at open: a new or empty file needs no snapshot; one never snapshotted does', () => {
    assert.equal(isScheduledSnapshotDue({ ...existing, exists: false, bytes: 0 }, null, 24, after(0)), false);
    assert.equal(isScheduledSnapshotDue({ ...existing, bytes: 0 }, null, 24, after(0)), false);
    assert.equal(isScheduledSnapshotDue(existing, null, 24, after(0)), true);
  });

  test('at open: once the interval is over, only if the data changed since the snapshot (file or WAL)', () => {
    const late = after(25 * HOUR);
    assert.equal(isScheduledSnapshotDue(existing, SNAPSHOT_AT, 24, late), false, 'file last written before the snapshot');
    assert.equal(isScheduledSnapshotDue({ ...existing, mtimeMs: Date.parse(SNAPSHOT_AT) + 1 }, SNAPSHOT_AT, 24, late), true);
    assert.equal(isScheduledSnapshotDue({ ...existing, walBytes: 8 }, SNAPSHOT_AT, 24, late), true, 'work still in the WAL');
    assert.equal(isScheduledSnapshotDue({ ...existing, walBytes: 8 }, SNAPSHOT_AT, 24, after(23 * HOUR)), false, 'interval not over');
  });

  test('while running: nothing is due without change', () => {
    assert.equal(isRunningSnapshotDue(0, null, 24, after(0)), false);
    assert.equal(isRunningSnapshotDue(0, SNAPSHOT_AT, 24, after(48 * HOUR)), false);
  });

  test('while running: with changes, a snapshot is due when there is none yet or the interval is over', () => {
    assert.equal(isRunningSnapshotDue(1, null, 24, after(0)), true);
    assert.equal(isRunningSnapshotDue(1, SNAPSHOT_AT, 24, after(24 * HOUR)), true);
    assert.equal(isRunningSnapshotDue(999, SNAPSHOT_AT, 24, after(23 * HOUR)), false);
  });

  test('while running: 1000 changes bring it forward, but never sooner than 15 minutes after the last one', () => {
    const minutes = (count: number) => after(count * 60_000);
    assert.equal(isRunningSnapshotDue(1000, SNAPSHOT_AT, 24, minutes(15)), true);
    assert.equal(isRunningSnapshotDue(1000, SNAPSHOT_AT, 24, after(15 * 60_000 - 1)), false);
    assert.equal(isRunningSnapshotDue(999, SNAPSHOT_AT, 24, minutes(60)), false);
  });
});

describe('which snapshots are kept', { timeout: 10_000 }, () => {
  const entry = (name: string, reason: SnapshotEntry['reason'], schemaVersion: number, minute: number, dir = '/x'): SnapshotEntry => ({
    name,
    path: join(dir, name),
    scope: 'profile',
    reason,
    schemaVersion,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
    manifest: null,
  });
  const newestFirst = (entries: SnapshotEntry[]) => entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  test('the guard is the newest pre-migration snapshot below the current version, however many came after it', () => {
    const entries = newestFirst([
      entry('old-guard', 'pre-migration', 1, 1),
      entry('guard', 'pre-migration', 2, 2),
      ...Array.from({ length: 4 }, (_, i) => entry(`retry${i}`, 'pre-migration', 3, 10 + i)),
    ]);
    assert.deepEqual([...snapshotsToKeep(entries, 3)].sort(), ['guard', 'retry1', 'retry2', 'retry3']);
  });

  test('pre-migration snapshots at the current version guard nothing: only the newest three are kept', () => {
    const entries = newestFirst(Array.from({ length: 4 }, (_, i) => entry(`pm${i}`, 'pre-migration', 3, i)));
    assert.deepEqual([...snapshotsToKeep(entries, 3)].sort(), ['pm1', 'pm2', 'pm3']);
  });

  test('the guard is a pre-migration snapshot: an older-version snapshot of another kind does not stand in for it', () => {
    const entries = newestFirst([
      ...Array.from({ length: 5 }, (_, i) => entry(`sched${i}`, 'scheduled', 3, 20 + i)),
      ...Array.from({ length: 3 }, (_, i) => entry(`retry${i}`, 'pre-migration', 3, 15 + i)),
      entry('sched-v2', 'scheduled', 2, 12), // the sixth scheduled snapshot: rotated out
      entry('guard', 'pre-migration', 2, 10),
    ]);
    const keep = snapshotsToKeep(entries, 3);
    assert.equal(keep.has('guard'), true);
    assert.equal(keep.has('sched-v2'), false);
  });

  test('no snapshots, nothing kept', () => {
    assert.equal(snapshotsToKeep([], 3).size, 0);
  });

  test('pruning deletes each snapshot retention drops, with its manifest, and keeps the others untouched', () => {
    const dir = makeTempDir();
    const entries = newestFirst(Array.from({ length: 7 }, (_, i) => entry(`manual${i}.db`, 'manual', 3, i, dir)));
    for (const { path } of entries) {
      writeFileSync(path, 'db');
      writeFileSync(manifestPathOf(path), '{}');
    }
    assert.deepEqual(pruneSnapshots(entries, 3), ['manual1.db', 'manual0.db']);
    assert.deepEqual(
      entries.map(({ path }) => [existsSync(path), existsSync(manifestPathOf(path))]),
      [[true, true], [true, true], [true, true], [true, true], [true, true], [false, false], [false, false]],
    );
  });
});

describe('pruning what is already gone', { timeout: 10_000 }, () => {
  test('a dropped snapshot without a manifest, or whose file is already gone, is pruned without an error', () => {
    const dir = makeTempDir();
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
    const entries: SnapshotEntry[] = Array.from({ length: 7 }, (_, i) => ({
      name: `manual${6 - i}.db`,
      path: join(dir, `manual${6 - i}.db`),
      scope: 'profile',
      reason: 'manual',
      schemaVersion: 3,
      createdAt: at(6 - i),
      manifest: null,
    }));
    for (const { path } of entries.slice(0, 6)) writeFileSync(path, 'db'); // manual0 was removed since it was listed
    assert.deepEqual(pruneSnapshots(entries, 3), ['manual1.db', 'manual0.db']);
    assert.deepEqual(
      entries.map(({ path }) => existsSync(path)),
      [true, true, true, true, true, false, false],
    );
  });
});

describe("a snapshot's name", { timeout: 10_000 }, () => {
  test('says scope, UTC time to the millisecond, schema version and reason, with a random tag', () => {
    const name = snapshotName({ scope: 'profile', createdAt: new Date('2026-11-25T13:28:00.123Z'), schemaVersion: 2, reason: 'scheduled' });
    assert.match(name, /^profile-20261125T132800123Z-v2-scheduled-[0-9a-f]{6}\.db$/);
    assert.deepEqual(parseSnapshotName(name), { scope: 'profile', createdAt: '2026-11-25T13:28:00.123Z', schemaVersion: 2, reason: 'scheduled' });
  });

  test('two snapshots in the same millisecond get different names', () => {
    const parts = { scope: 'global', createdAt: new Date('2026-11-25T13:28:00.123Z'), schemaVersion: 1, reason: 'manual' } as const;
    const names = new Set(Array.from({ length: 20 }, () => snapshotName(parts)));
    assert.equal(names.size, 20);
  });

  test('every reason reads back', () => {
    for (const reason of ['scheduled', 'manual', 'pre-migration', 'pre-restore', 'post-restore'] as const) {
      assert.equal(parseSnapshotName(`global-20261125T132800123Z-v12-${reason}-00ff0a.db`)?.reason, reason);
    }
    assert.equal(parseSnapshotName('global-20261125T132800123Z-v12-manual-00ff0a.db')?.schemaVersion, 12);
  });

  test('manifests, temp files, other reasons and impossible dates are not snapshots', () => {
    const notSnapshots = [
      'profile-20261125T132800123Z-v2-scheduled-3fa9c1.db.json',
      'profile-20261125T132800123Z-v2-scheduled-3fa9c1.db.tmp',
      'profile-20261125T132800123Z-v2-hourly-3fa9c1.db',
      'profile-20261125T132800123Z-v2-scheduled-3FA9C1.db',
      'team-20261125T132800123Z-v2-scheduled-3fa9c1.db',
      'profile-20261325T132800123Z-v2-scheduled-3fa9c1.db',
      'x-profile-20261125T132800123Z-v2-scheduled-3fa9c1.db',
    ];
    for (const name of notSnapshots) {
      assert.equal(parseSnapshotName(name), null, name);
    }
    assert.notEqual(parseSnapshotName('profile-20261125T132800123Z-v2-scheduled-3fa9c1.db'), null);
  });
});
