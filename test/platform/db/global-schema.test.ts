import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import type { Database } from 'better-sqlite3';
import { createProfile } from '../../../src/core/workspace/index.js';
import { newId } from '../../../src/kernel/ids.js';
import { nowUtc } from '../../../src/kernel/time.js';
import { DataStore } from '../../../src/platform/db/data-store.js';
import { assertThrowsCode } from '../../support/errors.js';
import { makeTempDir } from '../../support/temp-dir.js';

/** A fresh data dir with its own global database, closed when the enclosing test or suite ends. */
function openFreshStore(): DataStore {
  const store = DataStore.open(makeTempDir());
  after(() => store.close());
  return store;
}

function countProfiles(db: Database): number {
  return db.prepare(`SELECT count(*) FROM profiles`).pluck().get() as number;
}

function activeProfileIds(db: Database): string[] {
  return db.prepare(`SELECT id FROM profiles WHERE is_active = 1`).pluck().all() as string[];
}

function profileFolders(store: DataStore): string[] {
  return readdirSync(store.layout.profilesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

function insertRecoveryEvent(db: Database, scope: string, profileId: string | null): void {
  db.prepare(
    `INSERT INTO recovery_events (id, scope, profile_id, reason, outcome, detected_at) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(newId('rec'), scope, profileId, 'quick_check_failed', 'restored_snapshot', nowUtc());
}

function countRecoveryEvents(db: Database): number {
  return db.prepare(`SELECT count(*) FROM recovery_events`).pluck().get() as number;
}

/** Asserts that SQLite refuses the write with this extended result code (SQLITE_CONSTRAINT_CHECK, ...). */
function assertRefused(work: () => unknown, code: string): void {
  assert.throws(work, (error: unknown) => {
    assert.equal((error as { code?: unknown }).code, code, `expected ${code}, got ${String(error)}`);
    return true;
  });
}

describe('global schema: profile names', () => {
  test('a name that differs only by case, even outside ASCII (Émile / émile), is refused with profile_name_exists', () => {
    const store = openFreshStore();
    createProfile(store, 'Émile');
    assertThrowsCode(() => createProfile(store, 'émile'), 'profile_name_exists');
    assertThrowsCode(() => createProfile(store, 'ÉMILE'), 'profile_name_exists');
    assert.equal(countProfiles(store.global()), 1);
  });

  test('full case folding: "Straße" and "STRASSE" are the same name', () => {
    const store = openFreshStore();
    createProfile(store, 'Straße');
    assertThrowsCode(() => createProfile(store, 'STRASSE'), 'profile_name_exists');
  });

  test('when the row cannot be written (injected failure), the staged profile folder is removed and the active profile is kept', () => {
    const store = openFreshStore();
    const ada = createProfile(store, 'Ada');
    store.global().exec(`CREATE TEMP TRIGGER fail_profile_insert BEFORE INSERT ON profiles BEGIN SELECT RAISE(ABORT, 'injected'); END`);
    assert.throws(() => createProfile(store, 'Grace'), /injected/);
    store.global().exec(`DROP TRIGGER temp.fail_profile_insert`);
    assert.deepEqual(profileFolders(store), [ada.id]);
    assert.equal(countProfiles(store.global()), 1);
    assert.deepEqual(activeProfileIds(store.global()), [ada.id]);
  });

  test('a name is stored trimmed: " Ada " becomes "Ada"', () => {
    const store = openFreshStore();
    const profile = createProfile(store, ' Ada ');
    assert.equal(profile.name, 'Ada');
    assert.equal(store.global().prepare(`SELECT name FROM profiles WHERE id = ?`).pluck().get(profile.id), 'Ada');
  });

  test('an empty name and an 81-character name are refused with profile_name_invalid; 80 characters is fine', () => {
    const store = openFreshStore();
    assertThrowsCode(() => createProfile(store, ''), 'profile_name_invalid');
    assertThrowsCode(() => createProfile(store, 'a'.repeat(81)), 'profile_name_invalid');
    assert.equal(countProfiles(store.global()), 0);
    assert.equal(createProfile(store, 'a'.repeat(80)).name, 'a'.repeat(80));
  });

  test('a failed create leaves nothing behind: creating "ADA" next to "Ada" fails and only the first profile folder exists', () => {
    const store = openFreshStore();
    const ada = createProfile(store, 'Ada');
    assertThrowsCode(() => createProfile(store, 'ADA'), 'profile_name_exists');
    assert.deepEqual(profileFolders(store), [ada.id]);
    assert.equal(countProfiles(store.global()), 1);
  });
});

describe('global schema: active profile', () => {
  test('after two creates exactly one profile is active, the newest, and the schema refuses a second active one', () => {
    const store = openFreshStore();
    const db = store.global();
    const first = createProfile(store, 'Ada');
    const second = createProfile(store, 'Grace');
    assert.deepEqual(activeProfileIds(db), [second.id]);

    assertRefused(() => db.prepare(`UPDATE profiles SET is_active = 1 WHERE id = ?`).run(first.id), 'SQLITE_CONSTRAINT_UNIQUE');
    assert.deepEqual(activeProfileIds(db), [second.id]);
  });
});

describe('global schema: recovery events', () => {
  const store = openFreshStore();
  const db = store.global();

  test('a global recovery event that names a profile is refused by the CHECK', () => {
    const before = countRecoveryEvents(db);
    assertRefused(() => insertRecoveryEvent(db, 'global', newId('prof')), 'SQLITE_CONSTRAINT_CHECK');
    assert.equal(countRecoveryEvents(db), before);
  });

  test('a profile recovery event without a profile is refused by the CHECK', () => {
    const before = countRecoveryEvents(db);
    assertRefused(() => insertRecoveryEvent(db, 'profile', null), 'SQLITE_CONSTRAINT_CHECK');
    assert.equal(countRecoveryEvents(db), before);
  });

  test('a global event without a profile and a profile event with one are accepted', () => {
    const before = countRecoveryEvents(db);
    insertRecoveryEvent(db, 'global', null);
    insertRecoveryEvent(db, 'profile', newId('prof'));
    assert.equal(countRecoveryEvents(db), before + 2);
  });
});
