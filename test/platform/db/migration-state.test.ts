import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { LECTERN_APPLICATION_ID } from '../../../src/platform/db/application-id.js';
import {
  assertFileHeaderMatchesHistory,
  assertMigratable,
  fileHeaderMatchesHistory,
  readMigrationState,
} from '../../../src/platform/db/migration-state.js';
import { checksumOf, loadMigrationSteps, migrationStepsFor, type MigrationStep } from '../../../src/platform/db/migration-steps.js';
import { migrate } from '../../../src/platform/db/migrator.js';
import { GLOBAL_SCOPE } from '../../../src/platform/db/scope.js';
import { assertThrowsCode } from '../../support/errors.js';
import { makeTempDir } from '../../support/temp-dir.js';

// The migration state read from a real (in-memory) SQLite database migrated by the real migrator, then edited the
// way a wrong build, a hand edit or a newer Lectern would leave it.

function step(version: number, name: string, sql: string): MigrationStep {
  return { version, name, sql, checksum: checksumOf(sql) };
}

const STEPS = [
  step(1, '0001_talks', 'CREATE TABLE talks (id TEXT PRIMARY KEY) STRICT;'),
  step(2, '0002_runs', 'CREATE TABLE runs (id TEXT PRIMARY KEY, talk_id TEXT REFERENCES talks(id)) STRICT;'),
  step(3, '0003_notes', 'ALTER TABLE runs ADD COLUMN note TEXT;'),
];

function databaseAt(version: number): Database.Database {
  const db = new Database(':memory:');
  migrate(db, STEPS.slice(0, version));
  return db;
}

const names = (steps: readonly MigrationStep[]) => steps.map((s) => s.name);

describe('reading where a database stands', { timeout: 10_000 }, () => {
  test('a new file: empty, fully pending, migratable', () => {
    const state = readMigrationState(new Database(':memory:'), STEPS);
    assert.deepEqual(
      [state.isEmpty, state.isUntracked, state.continuityOk, state.continuityError, state.checksumOk, state.newerThanApp],
      [true, false, true, null, true, false],
    );
    assert.deepEqual(names(state.pending), ['0001_talks', '0002_runs', '0003_notes']);
    assert.deepEqual(state.applied, []);
    assertMigratable(state, STEPS);
  });

  test('tables without a migration history: untracked, nothing pending, refused unchanged', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE mine (x INTEGER)');
    const state = readMigrationState(db, STEPS);
    assert.deepEqual([state.isEmpty, state.isUntracked, state.continuityOk, state.checksumOk, state.pending.length], [false, true, false, false, 0]);
    assert.equal(state.continuityError, 'the database has tables but no schema_migrations record');
    const error = assertThrowsCode(() => assertMigratable(state, STEPS), 'db_untracked_schema');
    assert.equal(error.message, 'The database has tables but no migration history, so Lectern cannot tell what it holds. It was left unchanged.');
  });

  test('a database one step in has the other two pending, in order', () => {
    const state = readMigrationState(databaseAt(1), STEPS);
    assert.deepEqual([state.isEmpty, state.isUntracked, state.continuityOk, state.checksumOk, state.newerThanApp], [false, false, true, true, false]);
    assert.deepEqual(state.applied.map((row) => [row.version, row.name, row.checksum]), [[1, '0001_talks', STEPS[0]!.checksum]]);
    assert.deepEqual(names(state.pending), ['0002_runs', '0003_notes']);
  });

  test('a current database has nothing pending', () => {
    const state = readMigrationState(databaseAt(3), STEPS);
    assert.deepEqual(state.pending, []);
    assertMigratable(state, STEPS);
  });

  test('a history that names another step breaks continuity: the first difference is reported, nothing is pending', () => {
    const db = databaseAt(3);
    db.prepare(`UPDATE schema_migrations SET name = '0002_other' WHERE version = 2`).run();
    const state = readMigrationState(db, STEPS);
    assert.deepEqual([state.continuityOk, state.continuityError, state.pending.length], [false, 'expected 0002_runs, found 0002_other', 0]);
    const error = assertThrowsCode(() => assertMigratable(state, STEPS), 'migration_continuity_broken');
    assert.equal(error.message, "The database's migration history does not match this app's: expected 0002_runs, found 0002_other. It was left unchanged.");
  });

  test('a history row whose version does not match its name breaks continuity too', () => {
    const db = databaseAt(1);
    db.prepare(`UPDATE schema_migrations SET version = 2 WHERE version = 1`).run();
    const state = readMigrationState(db, STEPS);
    assert.deepEqual([state.continuityOk, state.pending.length], [false, 0]);
    assertThrowsCode(() => assertMigratable(state, STEPS), 'migration_continuity_broken');
  });

  test('a step applied from another file is a checksum mismatch naming the first such step; nothing is pending', () => {
    const db = databaseAt(2);
    db.prepare(`UPDATE schema_migrations SET checksum = 'edited'`).run();
    const state = readMigrationState(db, STEPS);
    assert.deepEqual([state.continuityOk, state.checksumOk, state.pending.length], [true, false, 0]);
    assert.equal(state.checksumError, '0001_talks was applied from a different file than the one this app ships');
    assertThrowsCode(() => assertMigratable(state, STEPS), 'migration_checksum_mismatch');
  });

  test('a history longer than the app knows was written by a newer Lectern', () => {
    const state = readMigrationState(databaseAt(3), STEPS.slice(0, 2));
    assert.deepEqual([state.newerThanApp, state.continuityOk, state.checksumOk, state.pending.length], [true, true, true, 0]);
    const error = assertThrowsCode(() => assertMigratable(state, STEPS.slice(0, 2)), 'db_schema_newer');
    assert.equal(
      error.message,
      'The database was upgraded by a newer Lectern (it is at 0003_notes; this app knows up to 0002_runs). It was left unchanged: update Lectern to open it.',
    );
  });

  test('an app that knows no step finds any history newer', () => {
    const state = readMigrationState(databaseAt(1), []);
    assert.equal(state.newerThanApp, true);
    assert.match(assertThrowsCode(() => assertMigratable(state, []), 'db_schema_newer').message, /this app knows up to none\)/);
  });

  test('refusals come in the order an operator fixes them: newer, then continuity, then checksum', () => {
    const db = databaseAt(3);
    db.prepare(`UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1`).run();
    db.prepare(`UPDATE schema_migrations SET name = '0002_other' WHERE version = 2`).run();
    const both = readMigrationState(db, STEPS);
    assert.deepEqual([both.continuityOk, both.checksumOk], [false, false], 'both rules broken');
    assertThrowsCode(() => assertMigratable(both, STEPS), 'migration_continuity_broken');
    assertThrowsCode(() => assertMigratable(readMigrationState(db, STEPS.slice(0, 2)), STEPS.slice(0, 2)), 'db_schema_newer');
  });
});

describe("the file header agrees with the history", { timeout: 10_000 }, () => {
  test("a migrated database carries Lectern's application_id and its newest version", () => {
    const db = databaseAt(2);
    const state = readMigrationState(db, STEPS);
    assert.equal(fileHeaderMatchesHistory(db, state), true);
    assertFileHeaderMatchesHistory(db, state, 'The profile database');
  });

  test('a header that lost its version or its application_id does not match', () => {
    const db = databaseAt(2);
    const state = readMigrationState(db, STEPS);
    db.pragma('user_version = 1');
    assert.equal(fileHeaderMatchesHistory(db, state), false);
    db.pragma('user_version = 2');
    db.pragma('application_id = 0');
    assert.equal(fileHeaderMatchesHistory(db, state), false);
    const error = assertThrowsCode(() => assertFileHeaderMatchesHistory(db, state, 'The profile database'), 'db_header_mismatch');
    assert.equal(
      error.message,
      "The profile database has a migration history, but its file header lost Lectern's identity and version (as a rebuild with sqlite3 .dump does). It was left unchanged; restore its header as the runbook explains.",
    );
    db.pragma(`application_id = ${LECTERN_APPLICATION_ID}`);
    assert.equal(fileHeaderMatchesHistory(db, state), true);
  });

  test('a database without history has no header to check', () => {
    const db = new Database(':memory:');
    assert.equal(fileHeaderMatchesHistory(db, readMigrationState(db, STEPS)), true);
  });
});

describe('the folder of steps', { timeout: 10_000 }, () => {
  function folder(files: Record<string, string>): string {
    const dir = join(makeTempDir(), 'profile');
    mkdirSync(dir);
    for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
    return dir;
  }

  test('steps are read in order with their version, name, SQL and checksum; other files are ignored', () => {
    const steps = loadMigrationSteps(folder({ '0002_runs.sql': 'B;', '0001_talks.sql': 'A;', 'README.md': 'notes' }));
    assert.deepEqual(steps.map((s) => [s.version, s.name, s.sql, s.checksum]), [
      [1, '0001_talks', 'A;', checksumOf('A;')],
      [2, '0002_runs', 'B;', checksumOf('B;')],
    ]);
  });

  test('a Windows checkout (CRLF) has the same checksums', () => {
    assert.equal(checksumOf('CREATE TABLE a (x);\r\nCREATE TABLE b (y);\r\n'), checksumOf('CREATE TABLE a (x);\nCREATE TABLE b (y);\n'));
    assert.match(checksumOf('A;'), /^[0-9a-f]{64}$/);
    assert.notEqual(checksumOf('A;'), checksumOf('B;'));
  });

  test('steps are ordered by number whatever order the folder lists them in', () => {
    const files = Object.fromEntries(['0003_c', '0001_a', '0005_e', '0002_b', '0004_d'].map((name) => [`${name}.sql`, `${name};`]));
    assert.deepEqual(names(loadMigrationSteps(folder(files))), ['0001_a', '0002_b', '0003_c', '0004_d', '0005_e']);
  });

  test('the app reads its own steps once per process', () => {
    assert.equal(migrationStepsFor(GLOBAL_SCOPE), migrationStepsFor(GLOBAL_SCOPE));
  });

  test('a badly named step, a gap or an empty folder is a packaging bug that stops the load', () => {
    assert.throws(() => loadMigrationSteps(folder({ '0001_Talks.sql': 'A;' })), /must be named NNNN_snake_case\.sql/);
    assert.throws(() => loadMigrationSteps(folder({ 'old0001_talks.sql': 'A;' })), /must be named NNNN_snake_case\.sql/);
    assert.throws(() => loadMigrationSteps(folder({ '0001_talks.sql.sql': 'A;' })), /must be named NNNN_snake_case\.sql/);
    assert.throws(() => loadMigrationSteps(folder({ '0001_talks.sql': 'A;', '0003_notes.sql': 'C;' })), /breaks the sequence: expected version 2/);
    assert.throws(() => loadMigrationSteps(folder({})), /No migration steps found/);
  });
});

describe('a step that fails', { timeout: 10_000 }, () => {
  test('is rolled back and says at which version the database stays, keeping the SQLite error as its cause', () => {
    const db = databaseAt(1);
    const broken = [...STEPS.slice(0, 1), step(2, '0002_broken', 'CREATE TABLE runs (id TEXT PRIMARY KEY) STRICT; CREATE TABLE oops (;')];
    const error = assertThrowsCode(() => migrate(db, broken), 'migration_step_failed');
    assert.equal(error.message, 'Migration 0002_broken failed and was rolled back; the database stays at version 1.');
    assert.ok(error.cause instanceof Error && /syntax error/.test(error.cause.message));
    assert.equal(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'runs'`).pluck().get(), 0);
  });

  test('that would leave rows pointing at missing parents is rolled back with what it would break', () => {
    const db = databaseAt(2);
    db.pragma('foreign_keys = OFF');
    db.prepare(`INSERT INTO runs (id, talk_id) VALUES ('r1', 'gone')`).run();
    const dangling = [...STEPS.slice(0, 2), step(3, '0003_touch', 'CREATE TABLE later (x INTEGER);')];
    const error = assertThrowsCode(() => migrate(db, dangling), 'migration_fk_violation');
    assert.equal(error.message, 'Migration 0003_touch would leave 1 row(s) pointing at missing parents (first: a row of runs referencing talks); it was rolled back.');
    assert.equal(readMigrationState(db, dangling).applied.length, 2);
  });
});
