import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { describeRecoveryEvent } from '../../../src/core/health/index.js';
import { createProfile } from '../../../src/core/workspace/index.js';
import { DataStore } from '../../../src/platform/db/data-store.js';
import { jobRegistryFor } from '../../../src/platform/jobs/job-registry.js';
import { DataLayout } from '../../../src/platform/db/layout.js';
import { resetDatabase, restoreSnapshot } from '../../../src/platform/db/recovery/operator-actions.js';
import { listPendingNotices, listRecoveryEvents } from '../../../src/platform/db/recovery/recovery-events.js';
import { GLOBAL_SCOPE, profileScope, type DbScope } from '../../../src/platform/db/scope.js';
import { listSnapshots } from '../../../src/platform/db/snapshots/snapshot-inventory.js';
import { DAMAGE, type DamageKind } from '../../support/damage.js';
import { assertThrowsCode } from '../../support/errors.js';
import { invokeErrorCode, invokeOk } from '../../support/invoke.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { fileBytes } from '../../support/file-tree.js';
import { startExclusiveHolder } from '../../support/database-holders.js';
import { stopProcess } from '../../support/lock-holder.js';
import { addTalk, seededDataDir, session, talkTitles, talkTitlesInFile } from '../../support/seeded-data-dir.js';

function quarantined(dir: string, scope: DbScope): string[] {
  const corrupted = new DataLayout(dir).corruptedDir(scope);
  return existsSync(corrupted) ? readdirSync(corrupted).sort() : [];
}


/** A seeded data dir whose profile has two snapshots: "Before" only, then "Before" + "Later". */
function dataDirWithTwoSnapshots() {
  const { dir, profileId } = seededDataDir();
  const scope = profileScope(profileId);
  session(dir, (store) => {
    store.snapshot(scope);
    addTalk(store.profile(profileId), 'Later');
  });
  const snapshots = listSnapshots(new DataLayout(dir).backupsDir(scope));
  return { dir, profileId, scope, newest: snapshots[0]!, older: snapshots[1]! };
}

describe('corruption drills: the damaged profile database is quarantined and the newest verified snapshot restored', () => {
  const damagedMainFile = (Object.keys(DAMAGE) as DamageKind[]).filter((kind) => kind !== 'a WAL that belongs to another database');
  for (const kind of damagedMainFile) {
    test(kind, () => {
      const { dir, profileId, scope, newest } = dataDirWithTwoSnapshots();
      const layout = new DataLayout(dir);
      DAMAGE[kind](layout.profileDb(profileId));

      session(dir, (store) => {
        const db = store.profile(profileId);
        assert.deepEqual(talkTitles(db), talkTitlesInFile(newest.path));
        assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
        const [event] = listRecoveryEvents(store.global(), profileId);
        assert.equal(event?.outcome, 'restored');
        assert.equal(event?.snapshotName, newest.name);
        assert.equal(event?.snapshotCreatedAt, newest.createdAt);
        assert.ok(event?.quarantineName && quarantined(dir, scope).includes(event.quarantineName));
      });
      const note = quarantined(dir, scope).find((name) => name.endsWith('.db.json'))!;
      const parsed = JSON.parse(readFileSync(join(layout.corruptedDir(scope), note), 'utf8'));
      assert.equal(parsed.scope, 'profile');
      assert.equal(parsed.appVersion, 'test');
      assert.match(parsed.reason, /^[a-z_]+$/);
    });
  }

  test('the global database is recovered the same way, and the event lands in the restored global database', () => {
    const { dir } = seededDataDir();
    const layout = new DataLayout(dir);
    DAMAGE['zeroed header'](layout.globalDb);
    session(dir, (store) => {
      assert.equal(store.global().prepare('SELECT count(*) FROM profiles').pluck().get(), 1);
      const [event] = listRecoveryEvents(store.global());
      assert.equal(event?.scope, 'global');
      assert.equal(event?.outcome, 'restored');
    });
    assert.equal(quarantined(dir, GLOBAL_SCOPE).filter((name) => name.endsWith('.db')).length, 1);
  });

  test('when the newest snapshot is damaged too, the next older verified one is restored', () => {
    const { dir, profileId, newest, older } = dataDirWithTwoSnapshots();
    writeFileSync(newest.path, 'damaged snapshot');
    DAMAGE['zeroed header'](new DataLayout(dir).profileDb(profileId));
    session(dir, (store) => {
      assert.deepEqual(talkTitles(store.profile(profileId)), talkTitlesInFile(older.path));
      assert.equal(listRecoveryEvents(store.global(), profileId)[0]?.snapshotName, older.name);
    });
  });

  test('a deleted database file, with snapshots beside it, is restored rather than silently recreated empty', () => {
    const { dir, profileId, newest } = dataDirWithTwoSnapshots();
    const path = new DataLayout(dir).profileDb(profileId);
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    session(dir, (store) => assert.deepEqual(talkTitles(store.profile(profileId)), talkTitlesInFile(newest.path)));
  });
});

describe('a WAL that belongs to another database (a careless copy)', () => {
  /** The seeded profile, with a talk written after the newest snapshot and no snapshot holding it. */
  function workNewerThanEverySnapshot() {
    const fixture = dataDirWithTwoSnapshots();
    session(fixture.dir, (store) => addTalk(store.profile(fixture.profileId), 'After the last snapshot'));
    const layout = new DataLayout(fixture.dir);
    const newestNow = listSnapshots(layout.backupsDir(fixture.scope))[0]!;
    if (newestNow.name !== fixture.newest.name) for (const suffix of ['', '.json']) rmSync(newestNow.path + suffix);
    return { ...fixture, layout, path: layout.profileDb(fixture.profileId) };
  }

  test('is set aside exactly as found, and the intact main file is kept: nothing of the speaker is lost', () => {
    const { dir, profileId, scope, layout, path } = workNewerThanEverySnapshot();
    const mainBefore = fileBytes(path);
    DAMAGE['a WAL that belongs to another database'](path);
    const walBefore = fileBytes(`${path}-wal`);

    session(dir, (store) => {
      assert.deepEqual(talkTitles(store.profile(profileId)), ['After the last snapshot', 'Before', 'Later']);
      const [event] = listRecoveryEvents(store.global(), profileId);
      assert.equal(event?.reason, 'foreign_wal');
      assert.equal(event?.outcome, 'journal_set_aside');
      assert.equal(event?.snapshotName, null);
      assert.ok(event?.quarantineName);
      const kept = join(layout.corruptedDir(scope), event.quarantineName);
      assert.ok(fileBytes(kept).equals(mainBefore), 'the quarantined main file is byte for byte as found');
      assert.ok(fileBytes(`${kept}-wal`).equals(walBefore), 'the quarantined WAL is byte for byte as found');
    });
  });

  test('with a damaged main file too, both are quarantined exactly as found and the newest snapshot is restored', () => {
    const { dir, profileId, scope, layout, path, newest } = workNewerThanEverySnapshot();
    DAMAGE['a random page overwritten'](path);
    const mainBefore = fileBytes(path);
    DAMAGE['a WAL that belongs to another database'](path);
    const walBefore = fileBytes(`${path}-wal`);

    session(dir, (store) => {
      assert.deepEqual(talkTitles(store.profile(profileId)), talkTitlesInFile(newest.path));
      const [event] = listRecoveryEvents(store.global(), profileId);
      assert.equal(event?.outcome, 'restored');
      assert.equal(event?.snapshotName, newest.name);
      const kept = join(layout.corruptedDir(scope), event!.quarantineName!);
      assert.ok(fileBytes(kept).equals(mainBefore), 'the quarantined main file is byte for byte as found');
      assert.ok(fileBytes(`${kept}-wal`).equals(walBefore), 'the quarantined WAL is byte for byte as found');
    });
  });
});

describe('operator restore in the app, through the commands of the Data health page', () => {
  test('db_snapshot_list lists, db_snapshot_restore keeps the current state first, swaps, records, and says so', async () => {
    const { dir, profileId, older } = dataDirWithTwoSnapshots();
    const store = DataStore.open(dir, { appVersion: 'test' });
    try {
      const { snapshots } = await invokeOk(store, 'db_snapshot_list', { profileId });
      assert.deepEqual(snapshots.map((s) => s.name).includes(older.name), true);
      const result = await invokeOk(
        store,
        'db_snapshot_restore',
        { profileId, snapshotName: older.name },
      );
      assert.equal(result.restored.name, older.name);
      assert.equal(result.preRestore?.reason, 'pre-restore');
      assert.equal(result.event.outcome, 'operator_restore');
      assert.deepEqual(talkTitles(store.profile(profileId)), ['Before']);
      assert.deepEqual(talkTitlesInFile(join(store.layout.backupsDir(profileScope(profileId)), result.preRestore!.name)), ['Before', 'Later']);
    } finally {
      store.close();
    }
  });

  test('db_snapshot_restore is refused while a job runs on the data, and nothing changes', async () => {
    const { dir, profileId, older } = dataDirWithTwoSnapshots();
    const store = DataStore.open(dir, { appVersion: 'test' });
    let release!: () => void;
    const job = jobRegistryFor(store).start('test', () => new Promise<void>((resolve) => (release = resolve)));
    try {
      assert.equal(await invokeErrorCode(store, 'db_snapshot_restore', { profileId, snapshotName: older.name }), 'restore_blocked_job_running');
      assert.deepEqual(talkTitles(store.profile(profileId)), ['Before', 'Later']);
    } finally {
      release();
      await jobRegistryFor(store).settled();
      assert.equal(jobRegistryFor(store).get(job.id).status, 'succeeded');
      store.close();
    }
  });
});

describe('a WAL deleted by another program while Lectern runs', () => {
  test('is noticed at the next command, its content saved into the database at once, and told; nothing is lost at a crash', async () => {
    const { dir, profileId } = seededDataDir();
    const path = new DataLayout(dir).profileDb(profileId);
    const told: string[] = [];
    const store = DataStore.open(dir, { appVersion: 'test', journalCheckEveryMs: 0, onRecovery: (event) => told.push(`${event.reason}/${event.outcome}`) });
    try {
      store.profile(profileId).pragma('wal_autocheckpoint = 0');
      await invokeOk(store, 'project_create', { profileId, project: { title: 'Only in the WAL' } });
      rmSync(`${path}-wal`);
      await invokeOk(store, 'project_list', { profileId });
      assert.deepEqual(told, ['wal_deleted_while_open/journal_saved']);
      assert.ok(existsSync(`${path}-wal`), 'a new WAL is linked in the folder again');
      await invokeOk(store, 'project_create', { profileId, project: { title: 'After the repair' } });
      // A crash now: copy the files as they are on disk, without closing (what the next start would find).
      const crashed = join(makeTempDir(), 'profile.db');
      copyFileSync(path, crashed);
      copyFileSync(`${path}-wal`, `${crashed}-wal`);
      assert.deepEqual(talkTitlesInFile(crashed), ['After the repair', 'Before', 'Only in the WAL']);
    } finally {
      store.close();
    }
  });
});

describe('telling the speaker', () => {
  test('each automatic recovery is a pending notice until dismissed; operator actions are not', async () => {
    const { dir, profileId, scope, older } = dataDirWithTwoSnapshots();
    DAMAGE['zeroed header'](new DataLayout(dir).profileDb(profileId));
    const told: string[] = [];
    const store = DataStore.open(dir, { appVersion: 'test', onRecovery: (event) => told.push(event.outcome) });
    try {
      store.profile(profileId);
      assert.deepEqual(told, ['restored'], 'told once, in the process that made it');
      const { notices } = await invokeOk(store, 'db_recovery_notices_pending', {});
      assert.deepEqual(notices.map((n) => [n.outcome, n.profileName]), [['restored', 'Ada']]);
      restoreSnapshot(store, scope, older.name);
      assert.equal((await invokeOk(store, 'db_recovery_notices_pending', {})).notices.length, 1, 'the operator’s restore is no news to them');
      assert.deepEqual(await invokeOk(store, 'db_recovery_notice_dismiss', { eventId: notices[0]!.id }), { dismissed: true });
      assert.deepEqual((await invokeOk(store, 'db_recovery_notices_pending', {})).notices, []);
      assert.equal(await invokeErrorCode(store, 'db_recovery_notice_dismiss', { eventId: notices[0]!.id }), 'recovery_notice_not_found');
    } finally {
      store.close();
    }
  });

  test('restoring a snapshot that holds none of the speaker’s data, when the damaged file held some, says so', () => {
    const dir = makeTempDir();
    const profileId = session(dir, (store) => {
      const profile = createProfile(store, 'Ada');
      store.snapshot(profileScope(profile.id), 'manual');
      return profile.id;
    });
    const store = DataStore.open(dir, { appVersion: 'test' });
    addTalk(store.profile(profileId), 'Never snapshotted', 5);
    store.close();
    DAMAGE['zeroed header'](new DataLayout(dir).profileDb(profileId));
    session(dir, (later) => {
      assert.deepEqual(talkTitles(later.profile(profileId)), []);
      const [event] = listRecoveryEvents(later.global(), profileId);
      assert.equal(event?.dataWarning, 'snapshot_lacks_user_data');
      assert.match(describeRecoveryEvent(event!), /That snapshot holds none of your talks, runs or exercises, while the damaged file seems to have held some/);
    });
  });
});

describe('not corruption: refused or reported, never quarantined', () => {
  test('a foreign SQLite file is refused with db_foreign_file and left as it is', () => {
    const { dir, profileId, scope } = dataDirWithTwoSnapshots();
    const path = new DataLayout(dir).profileDb(profileId);
    for (const suffix of ['', '-wal', '-shm', '.clean-shutdown']) rmSync(path + suffix, { force: true });
    const foreign = new Database(path);
    foreign.pragma('application_id = 42');
    foreign.exec(`CREATE TABLE mail (body TEXT); INSERT INTO mail VALUES ('not ours')`);
    foreign.close();
    const before = fileBytes(path);
    session(dir, (store) => assertThrowsCode(() => store.profile(profileId), 'db_foreign_file'));
    assert.ok(fileBytes(path).equals(before));
    assert.deepEqual(quarantined(dir, scope), []);
  });

  test('a newer-schema database is refused with db_schema_newer, unchanged and not quarantined', () => {
    const { dir, profileId, scope } = dataDirWithTwoSnapshots();
    const path = new DataLayout(dir).profileDb(profileId);
    const db = new Database(path);
    db.prepare(`INSERT INTO schema_migrations VALUES (99, '0099_future', 'x', '2030-01-01T00:00:00.000Z')`).run();
    db.close();
    const before = fileBytes(path);
    session(dir, (store) => assertThrowsCode(() => store.profile(profileId), 'db_schema_newer'));
    assert.ok(fileBytes(path).equals(before));
    assert.deepEqual(quarantined(dir, scope), []);
  });

  test('an injected foreign-key violation opens normally and is reported, not quarantined', () => {
    const { dir, profileId, scope } = dataDirWithTwoSnapshots();
    const db = new Database(new DataLayout(dir).profileDb(profileId));
    db.pragma('foreign_keys = OFF');
    db.prepare(`INSERT INTO runs (id, project_id, created_at) VALUES (?, ?, '2026-01-01T00:00:00.000Z')`).run(`run_${'e'.repeat(32)}`, `proj_${'f'.repeat(32)}`);
    db.close();
    session(dir, (store) => {
      const violations = store.profile(profileId).pragma('foreign_key_check') as unknown[];
      assert.equal(violations.length, 1);
    });
    assert.deepEqual(quarantined(dir, scope), []);
  });

  test('busy is not corrupt: a database locked by another process past the timeout is db_busy and untouched', async () => {
    const { dir, profileId, scope } = dataDirWithTwoSnapshots();
    const path = new DataLayout(dir).profileDb(profileId);
    const holder = await startExclusiveHolder(path);
    try {
      session(dir, (store) => assertThrowsCode(() => store.profile(profileId), 'db_busy'));
    } finally {
      await stopProcess(holder);
    }
    assert.deepEqual(quarantined(dir, scope), []);
    assert.deepEqual(listRecoveryEvents(new Database(new DataLayout(dir).globalDb, { readonly: true }), profileId), []);
    session(dir, (store) => assert.deepEqual(talkTitles(store.profile(profileId)), ['Before', 'Later']));
  });
});

describe('no verified snapshot', () => {
  function damagedWithoutSnapshots() {
    const { dir, profileId, scope } = dataDirWithTwoSnapshots();
    const layout = new DataLayout(dir);
    for (const name of readdirSync(layout.backupsDir(scope))) rmSync(join(layout.backupsDir(scope), name));
    DAMAGE['a garbage file'](layout.profileDb(profileId));
    return { dir, profileId, scope, layout };
  }

  test('fails with db_recovery_no_snapshot, keeps the damaged file, and keeps failing across restarts (never a silent empty database)', () => {
    const { dir, profileId, scope, layout } = damagedWithoutSnapshots();
    for (let restart = 0; restart < 3; restart += 1) {
      session(dir, (store) => assertThrowsCode(() => store.profile(profileId), 'db_recovery_no_snapshot'));
      assert.equal(existsSync(layout.profileDb(profileId)), false, 'no empty database was created');
    }
    assert.equal(quarantined(dir, scope).filter((name) => name.endsWith('.db')).length, 1, 'quarantined once, kept');
    session(dir, (store) => {
      const events = listRecoveryEvents(store.global(), profileId);
      assert.deepEqual(events.map((e) => e.outcome), ['no_snapshot']);
    });
  });

  test('after an operator reset the profile works on an empty database and the acknowledged loss is recorded', () => {
    const { dir, profileId, scope } = damagedWithoutSnapshots();
    session(dir, (store) => assertThrowsCode(() => store.profile(profileId), 'db_recovery_no_snapshot'));
    session(dir, (store) => resetDatabase(store, scope));
    session(dir, (store) => {
      assert.deepEqual(talkTitles(store.profile(profileId)), []);
      assert.ok((store.profile(profileId).prepare('SELECT count(*) FROM quests').pluck().get() as number) >= 12);
      assert.deepEqual(listRecoveryEvents(store.global(), profileId).map((e) => e.outcome), ['operator_reset', 'no_snapshot']);
      assert.deepEqual(listPendingNotices(store.global()), [], 'the reset settles the "could not be repaired" notice');
    });
  });

  test('an operator restore of a named snapshot also ends the failed state', () => {
    const { dir, profileId, newest, scope } = dataDirWithTwoSnapshots();
    const keep = join(dir, 'kept.db');
    writeFileSync(keep, readFileSync(newest.path));
    const layout = new DataLayout(dir);
    for (const name of readdirSync(layout.backupsDir(scope))) rmSync(join(layout.backupsDir(scope), name));
    DAMAGE['a garbage file'](layout.profileDb(profileId));
    session(dir, (store) => assertThrowsCode(() => store.profile(profileId), 'db_recovery_no_snapshot'));
    writeFileSync(newest.path, readFileSync(keep)); // the operator puts a good snapshot back in backups/
    session(dir, (store) => {
      const result = restoreSnapshot(store, scope, newest.name);
      assert.equal(result.preRestore, null, 'the damaged database could not be snapshotted');
      assert.deepEqual(talkTitles(store.profile(profileId)), ['Before', 'Later']);
    });
  });
});

describe('operator restore', () => {
  test('takes a pre-restore snapshot of the current database, swaps in the chosen one, and records the event', () => {
    const { dir, profileId, scope, older } = dataDirWithTwoSnapshots();
    session(dir, (store) => {
      const result = restoreSnapshot(store, scope, older.name);
      assert.deepEqual(talkTitles(store.profile(profileId)), ['Before']);
      assert.equal(result.preRestore?.reason, 'pre-restore');
      assert.deepEqual(talkTitlesInFile(result.preRestore!.path), ['Before', 'Later']);
      assert.equal(listRecoveryEvents(store.global(), profileId)[0]?.outcome, 'operator_restore');
    });
  });

  test('restoring the oldest pre-restore snapshot works: retention never prunes the snapshot being restored', () => {
    const { dir, profileId, scope, older } = dataDirWithTwoSnapshots();
    session(dir, (store) => {
      for (let i = 0; i < 3; i += 1) restoreSnapshot(store, scope, older.name);
      const preRestores = listSnapshots(store.layout.backupsDir(scope)).filter((s) => s.reason === 'pre-restore');
      assert.equal(preRestores.length, 3);
      const oldest = preRestores[preRestores.length - 1]!;
      restoreSnapshot(store, scope, oldest.name);
      assert.deepEqual(talkTitles(store.profile(profileId)), ['Before', 'Later'], 'the state before the first restore');
    });
  });

  test('after an operator restore, automatic recovery never brings back what the operator rolled back', () => {
    const { dir, profileId, scope, older } = dataDirWithTwoSnapshots();
    session(dir, (store) => {
      addTalk(store.profile(profileId), 'Rejected');
      store.snapshot(scope, 'manual');
    });
    session(dir, (store) => restoreSnapshot(store, scope, older.name));
    DAMAGE['zeroed header'](new DataLayout(dir).profileDb(profileId));
    session(dir, (store) => {
      assert.deepEqual(talkTitles(store.profile(profileId)), ['Before'], 'the state the operator chose, not a newer or pre-restore one');
      const [event] = listRecoveryEvents(store.global(), profileId);
      assert.equal(event?.outcome, 'restored');
      assert.equal(listSnapshots(store.layout.backupsDir(scope)).find((s) => s.name === event?.snapshotName)?.reason, 'post-restore');
    });
  });

  test('a snapshot of another database is refused before anything is touched: the global one, or another profile’s', () => {
    const { dir, profileId, scope } = dataDirWithTwoSnapshots();
    const layout = new DataLayout(dir);
    const other = session(dir, (store) => {
      const profile = createProfile(store, 'Grace');
      addTalk(store.profile(profile.id), 'Grace’s talk');
      return { id: profile.id, snapshot: store.snapshot(profileScope(profile.id), 'manual'), global: store.snapshot(GLOBAL_SCOPE, 'manual') };
    });
    const backups = layout.backupsDir(scope);
    const planted = [other.snapshot, other.global].map((entry) => {
      for (const suffix of ['', '.json']) copyFileSync(entry.path + suffix, join(backups, entry.name + suffix));
      return entry.name;
    });
    const withoutManifest = other.snapshot.name.replace('-manual-', '-scheduled-');
    copyFileSync(other.snapshot.path, join(backups, withoutManifest));

    const path = layout.profileDb(profileId);
    const before = readdirSync(backups).sort();
    const bytesBefore = fileBytes(path);
    session(dir, (store) => {
      for (const name of [...planted, withoutManifest]) {
        const error = assertThrowsCode(() => restoreSnapshot(store, scope, name), 'snapshot_wrong_database');
        assert.doesNotMatch(error.message, /left unchanged.*but|was replaced/);
      }
    });
    assert.ok(fileBytes(path).equals(bytesBefore), 'the profile database is byte for byte as before');
    assert.deepEqual(readdirSync(backups).sort(), before, 'no pre-restore snapshot was taken');
    session(dir, (store) => assert.deepEqual(listRecoveryEvents(store.global(), profileId), []));

    DAMAGE['zeroed header'](path);
    session(dir, (store) => {
      assert.deepEqual(talkTitles(store.profile(profileId)), ['Before', 'Later'], 'automatic recovery skips another database’s snapshot too');
    });
  });

  test('an unknown, path-like or damaged snapshot is refused and nothing changes', () => {
    const { dir, profileId, scope, newest } = dataDirWithTwoSnapshots();
    const path = new DataLayout(dir).profileDb(profileId);
    const before = fileBytes(path);
    writeFileSync(newest.path, 'damaged');
    session(dir, (store) => {
      assertThrowsCode(() => restoreSnapshot(store, scope, '../../global.db'), 'snapshot_not_found');
      assertThrowsCode(() => restoreSnapshot(store, scope, 'profile-20260101T000000000Z-v1-manual-000000.db'), 'snapshot_not_found');
      assertThrowsCode(() => restoreSnapshot(store, scope, newest.name), 'snapshot_invalid');
    });
    assert.ok(fileBytes(path).equals(before));
  });
});
