import assert from 'node:assert/strict';
import { homedir, tmpdir } from 'node:os';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { createProfile } from '../../../src/core/workspace/index.js';
import { diagnoseDataDirReadOnly, diagnoseForApp, isCleanReport } from '../../../src/core/health/index.js';
import { DbDiagnosticsSchema } from '../../../src/contracts/diagnostics.js';
import { DataStore } from '../../../src/platform/db/data-store.js';
import { DataLayout } from '../../../src/platform/db/layout.js';
import { assertThrowsCode } from '../../support/errors.js';
import { fingerprintTree } from '../../support/file-tree.js';
import { makeTempDir } from '../../support/temp-dir.js';

const EXPECTED_KEYS = [
  'appliedMigrationCount',
  'checksumOk',
  'continuityError',
  'continuityOk',
  'expectedMigrationCount',
  'fileHeaderOk',
  'foreignKeyViolations',
  'freelistCount',
  'integrityCheck',
  'journalMode',
  'lastRecoveryAt',
  'latestMigration',
  'missingArtifactFiles',
  'newerThanApp',
  'newestSnapshotAt',
  'pageCount',
  'schemaVersion',
  'scope',
  'snapshotCount',
  'strayTempFiles',
  'unlistedProfileFolders',
];

/** A data dir with a global database and one profile, closed again (as after the app quit). */
function preparedDataDir(): { dir: string; profileId: string } {
  const dir = makeTempDir();
  const store = DataStore.open(dir);
  const profile = createProfile(store, 'Ada');
  store.close();
  return { dir, profileId: profile.id };
}

function editDatabase(path: string, sql: string): void {
  const db = new Database(path);
  db.pragma('foreign_keys = OFF');
  db.exec(sql);
  db.close();
}

/** Runs `work` and asserts that no file under `dir` changed (bytes and mtime) and none appeared, -wal and -shm included. */
function assertNothingWritten(dir: string, work: () => void): void {
  const before = fingerprintTree(dir, { includeTransient: true });
  work();
  assert.deepEqual(fingerprintTree(dir, { includeTransient: true }), before);
}

describe('database diagnostics', () => {
  test('a clean data dir reports clean global and profile databases', () => {
    const { dir, profileId } = preparedDataDir();
    const report = diagnoseDataDirReadOnly(new DataLayout(dir), profileId);
    for (const [scope, d] of [['global', report.global], ['profile', report.profile!]] as const) {
      assert.equal(d.scope, scope);
      assert.equal(d.continuityOk, true);
      assert.equal(d.checksumOk, true);
      assert.equal(d.newerThanApp, false);
      assert.equal(d.integrityCheck, 'ok');
      assert.equal(d.foreignKeyViolations, 0);
      assert.equal(d.journalMode, 'delete', 'a cleanly closed database is out of WAL mode');
      assert.equal(d.appliedMigrationCount, d.expectedMigrationCount);
      assert.equal(d.schemaVersion, d.appliedMigrationCount);
      assert.ok(d.pageCount > 0);
    }
  });

  test('the key set is exact and matches the contract', () => {
    const { dir, profileId } = preparedDataDir();
    const report = diagnoseDataDirReadOnly(new DataLayout(dir), profileId);
    for (const d of [report.global, report.profile!]) {
      assert.deepEqual(Object.keys(d).sort(), EXPECTED_KEYS);
      assert.ok(DbDiagnosticsSchema.safeParse(d).success);
    }
  });

  test('reports hold no paths, home folders, profile names or row content', () => {
    const { dir, profileId } = preparedDataDir();
    const text = JSON.stringify(diagnoseDataDirReadOnly(new DataLayout(dir), profileId));
    for (const secret of [dir, homedir(), tmpdir(), 'Ada', '/', '\\']) {
      assert.equal(text.includes(secret), false, `report must not contain ${JSON.stringify(secret)}`);
    }
  });

  test('diagnostics are read-only: no byte, mtime or new file under the data dir', () => {
    const { dir, profileId } = preparedDataDir();
    assertNothingWritten(dir, () => diagnoseDataDirReadOnly(new DataLayout(dir), profileId));
  });

  test('a continuity gap is reported, not thrown, and the damaged history is not touched', () => {
    const { dir, profileId } = preparedDataDir();
    const layout = new DataLayout(dir);
    editDatabase(layout.profileDb(profileId), 'DELETE FROM schema_migrations WHERE version = 1');
    let report!: ReturnType<typeof diagnoseDataDirReadOnly>;
    assertNothingWritten(dir, () => (report = diagnoseDataDirReadOnly(layout, profileId)));
    assert.equal(report.profile!.continuityOk, false);
    assert.match(report.profile!.continuityError!, /expected 0001_init, found 0002_quest_catalogue_v1/);
    assert.equal(report.global.continuityOk, true);
  });

  test('an edited history and a newer schema are reported', () => {
    const { dir, profileId } = preparedDataDir();
    const layout = new DataLayout(dir);
    editDatabase(layout.profileDb(profileId), `UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1`);
    editDatabase(
      layout.globalDb,
      `INSERT INTO schema_migrations VALUES (99, '0099_from_the_future', 'x', '2030-01-01T00:00:00.000Z')`,
    );
    const report = diagnoseDataDirReadOnly(layout, profileId);
    assert.equal(report.profile!.checksumOk, false);
    assert.equal(report.global.newerThanApp, true);
    assert.equal(report.global.latestMigration, '0099_from_the_future');
  });

  test('foreign-key violations are counted', () => {
    const { dir, profileId } = preparedDataDir();
    const layout = new DataLayout(dir);
    editDatabase(
      layout.profileDb(profileId),
      `INSERT INTO runs (id, project_id, created_at) VALUES ('run_${'a'.repeat(32)}', 'proj_${'b'.repeat(32)}', '2026-01-01T00:00:00.000Z')`,
    );
    assert.equal(diagnoseDataDirReadOnly(layout, profileId).profile!.foreignKeyViolations, 1);
  });

  test('artifact rows whose file is gone are counted, and make the report unclean', () => {
    const { dir, profileId } = preparedDataDir();
    const layout = new DataLayout(dir);
    editDatabase(
      layout.profileDb(profileId),
      `INSERT INTO artifacts (id, type, local_relpath, sha256, bytes, created_at) VALUES ('art_${'a'.repeat(32)}', 'audio', 'artifacts/audio/gone.wav', '${'0'.repeat(64)}', 1, '2026-01-01T00:00:00.000Z')`,
    );
    const report = diagnoseDataDirReadOnly(layout, profileId);
    assert.equal(report.profile!.missingArtifactFiles, 1);
    assert.equal(report.global.missingArtifactFiles, null);
    assert.equal(isCleanReport(report.profile!), false);
  });

  test('a missing database is db_not_found and nothing is created', () => {
    const dir = makeTempDir();
    assertNothingWritten(dir, () => assertThrowsCode(() => diagnoseDataDirReadOnly(new DataLayout(dir)), 'db_not_found'));
  });

  test('unknown or malformed profile ids are refused before any path is built', () => {
    const { dir } = preparedDataDir();
    const layout = new DataLayout(dir);
    assertThrowsCode(() => diagnoseDataDirReadOnly(layout, '../../etc'), 'profile_id_invalid');
    assertThrowsCode(() => diagnoseDataDirReadOnly(layout, `prof_${'c'.repeat(32)}`), 'profile_not_found');
  });

  test('the owning process creates and migrates a new data dir before reporting', () => {
    const dir = makeTempDir();
    const store = DataStore.open(`${dir}/new`);
    try {
      const report = diagnoseForApp(store);
      assert.equal(report.profile, null);
      assert.equal(report.global.appliedMigrationCount, report.global.expectedMigrationCount);
    } finally {
      store.close();
    }
  });
});
