import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { checksumOf, migrationStepsFor, type MigrationStep } from '../../../src/platform/db/migration-steps.js';
import { migrate } from '../../../src/platform/db/migrator.js';
import { openOwnedDatabase } from '../../../src/platform/db/open-database.js';
import { GLOBAL_SCOPE, profileScope } from '../../../src/platform/db/scope.js';
import { assertThrowsCode } from '../../support/errors.js';
import { fileBytes } from '../../support/file-tree.js';
import { schemaFingerprint } from '../../support/schema-fingerprint.js';
import { makeTempDir } from '../../support/temp-dir.js';

function step(version: number, name: string, sql: string): MigrationStep {
  return { version, name: `${String(version).padStart(4, '0')}_${name}`, sql, checksum: checksumOf(sql) };
}

const NOTES_V1 = step(1, 'notes', 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);');
const NOTES_V2 = step(2, 'tags', 'CREATE TABLE tags (id INTEGER PRIMARY KEY, note_id INTEGER NOT NULL REFERENCES notes (id));');
const NOTES_V3 = step(3, 'tag_index', 'CREATE INDEX idx_tags_note ON tags (note_id);');

function freshDb(): { db: Database.Database; path: string } {
  const path = join(makeTempDir(), 'test.db');
  return { db: new Database(path), path };
}

function appliedNames(db: Database.Database): string[] {
  return (db.prepare('SELECT name FROM schema_migrations ORDER BY version').all() as Array<{ name: string }>).map((r) => r.name);
}

function tableExists(db: Database.Database, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

/** Closes the connection so every committed page is in the main file, then returns the file's bytes. */
function closedBytes(db: Database.Database, path: string): Buffer {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return fileBytes(path);
}

describe('migrator', () => {
  test('applies every step in order and records version, name, checksum and time', () => {
    const { db } = freshDb();
    const result = migrate(db, [NOTES_V1, NOTES_V2]);
    assert.deepEqual(result, { fromVersion: 0, toVersion: 2, applied: ['0001_notes', '0002_tags'] });
    const rows = db.prepare('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version').all() as Array<{
      version: number;
      name: string;
      checksum: string;
      applied_at: string;
    }>;
    assert.deepEqual(rows.map((r) => [r.version, r.name, r.checksum]), [
      [1, '0001_notes', NOTES_V1.checksum],
      [2, '0002_tags', NOTES_V2.checksum],
    ]);
    for (const row of rows) assert.match(row.applied_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(db.pragma('user_version', { simple: true }), 2);
    assert.deepEqual(migrate(db, [NOTES_V1, NOTES_V2]).applied, [], 'a second run has nothing to do');
  });

  test('a gap in the applied history is refused with migration_continuity_broken naming expected and found', () => {
    const { db } = freshDb();
    migrate(db, [NOTES_V1, NOTES_V2, NOTES_V3]);
    db.prepare('DELETE FROM schema_migrations WHERE version = 2').run();
    const error = assertThrowsCode(() => migrate(db, [NOTES_V1, NOTES_V2, NOTES_V3]), 'migration_continuity_broken');
    assert.match(error.message, /expected 0002_tags, found 0003_tag_index/);
  });

  test('a renamed applied step breaks continuity too', () => {
    const { db } = freshDb();
    migrate(db, [NOTES_V1]);
    db.prepare(`UPDATE schema_migrations SET name = '0001_other' WHERE version = 1`).run();
    assertThrowsCode(() => migrate(db, [NOTES_V1, NOTES_V2]), 'migration_continuity_broken');
    assert.equal(tableExists(db, 'tags'), false);
  });

  test('an edited step (checksum differs) is refused with migration_checksum_mismatch and nothing runs', () => {
    const { db } = freshDb();
    migrate(db, [NOTES_V1]);
    const edited = step(1, 'notes', 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);');
    const error = assertThrowsCode(() => migrate(db, [edited, NOTES_V2]), 'migration_checksum_mismatch');
    assert.match(error.message, /0001_notes/);
    assert.equal(tableExists(db, 'tags'), false);
  });

  test('a CRLF checkout of the same step is not mistaken for edited history', () => {
    const { db } = freshDb();
    const lf = step(1, 'multi', 'CREATE TABLE a (id INTEGER);\nCREATE TABLE b (id INTEGER);\n');
    migrate(db, [lf]);
    const crlf = { ...lf, sql: lf.sql.replace(/\n/g, '\r\n'), checksum: checksumOf(lf.sql.replace(/\n/g, '\r\n')) };
    assert.deepEqual(migrate(db, [crlf]).applied, []);
  });

  test('a database from a newer app is refused with db_schema_newer and its file is byte-for-byte unchanged', () => {
    const { db, path } = freshDb();
    migrate(db, [NOTES_V1, NOTES_V2, NOTES_V3]);
    db.prepare(`INSERT INTO notes (body) VALUES ('kept')`).run();
    const before = closedBytes(db, path);
    const error = assertThrowsCode(
      () => openOwnedDatabase(path, { label: 'The test database', known: [NOTES_V1, NOTES_V2] }),
      'db_schema_newer',
    );
    assert.match(error.message, /0003_tag_index/);
    assert.ok(fileBytes(path).equals(before), 'the refused file must not change');
  });

  test('tables without schema_migrations are refused with db_untracked_schema and left unchanged', () => {
    const { db, path } = freshDb();
    db.exec(`CREATE TABLE legacy (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO legacy (body) VALUES ('old');`);
    const before = closedBytes(db, path);
    assertThrowsCode(() => openOwnedDatabase(path, { label: 'The test database', known: [NOTES_V1] }), 'db_untracked_schema');
    assert.ok(fileBytes(path).equals(before), 'not even switched to WAL');
    const reopened = new Database(path, { readonly: true });
    assert.equal(reopened.pragma('journal_mode', { simple: true }), 'delete');
    reopened.close();
  });

  test('a failing step rolls back to exactly the previous version', () => {
    const { db } = freshDb();
    migrate(db, [NOTES_V1]);
    const broken = step(2, 'broken', `CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);`);
    const error = assertThrowsCode(() => migrate(db, [NOTES_V1, broken]), 'migration_step_failed');
    assert.match(error.message, /0002_broken/);
    assert.equal(tableExists(db, 'half_done'), false, 'the step left nothing behind');
    assert.deepEqual(appliedNames(db), ['0001_notes']);
    assert.equal(db.pragma('user_version', { simple: true }), 1);
    assert.equal(db.inTransaction, false);
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1, 'foreign keys are back on after a failure');
  });

  test('a step that leaves a foreign-key violation is rolled back with migration_fk_violation', () => {
    const { db } = freshDb();
    db.pragma('foreign_keys = ON');
    migrate(db, [NOTES_V1, NOTES_V2]);
    const orphaning = step(3, 'orphan', `INSERT INTO tags (note_id) VALUES (42);`);
    const error = assertThrowsCode(() => migrate(db, [NOTES_V1, NOTES_V2, orphaning]), 'migration_fk_violation');
    assert.match(error.message, /tags/);
    assert.equal((db.prepare('SELECT count(*) AS n FROM tags').get() as { n: number }).n, 0);
    assert.deepEqual(appliedNames(db), ['0001_notes', '0002_tags']);
  });

  test('beforeMigrate is not called for a new empty database', () => {
    const { db } = freshDb();
    let calls = 0;
    migrate(db, [NOTES_V1], { beforeMigrate: () => (calls += 1) });
    assert.equal(calls, 0);
  });

  test('beforeMigrate runs once before pending steps on a database with a schema, with the versions involved', () => {
    const { db } = freshDb();
    migrate(db, [NOTES_V1]);
    const seen: Array<[number, number, string[]]> = [];
    migrate(db, [NOTES_V1, NOTES_V2, NOTES_V3], {
      beforeMigrate: ({ fromVersion, toVersion, pending }) => seen.push([fromVersion, toVersion, pending.map((s) => s.name)]),
    });
    assert.deepEqual(seen, [[1, 3, ['0002_tags', '0003_tag_index']]]);
  });

  test('a failing beforeMigrate hook blocks every pending step', () => {
    const { db } = freshDb();
    migrate(db, [NOTES_V1]);
    assert.throws(
      () =>
        migrate(db, [NOTES_V1, NOTES_V2], {
          beforeMigrate: () => {
            throw new Error('no snapshot');
          },
        }),
      /no snapshot/,
    );
    assert.deepEqual(appliedNames(db), ['0001_notes']);
    assert.equal(tableExists(db, 'tags'), false);
  });
});

describe('migration matrix: every prefix upgrades to the fresh-install schema with its rows kept', () => {
  for (const scope of [GLOBAL_SCOPE, profileScope('prof_00000000000000000000000000000000')]) {
    const steps = migrationStepsFor(scope);
    const fresh = freshDb();
    migrate(fresh.db, steps);
    const freshFingerprint = schemaFingerprint(fresh.db);

    for (let prefix = 0; prefix <= steps.length; prefix += 1) {
      test(`${scope.kind}: from ${prefix === 0 ? 'an empty file' : steps[prefix - 1]!.name} to ${steps.at(-1)!.name}`, () => {
        const { db } = freshDb();
        migrate(db, steps.slice(0, prefix));
        const planted = plantRows(db, scope.kind);
        migrate(db, steps);
        assert.equal(schemaFingerprint(db), freshFingerprint);
        for (const [table, before] of planted) {
          const after = db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
          assert.deepEqual(after, before, `rows of ${table} survive the upgrade`);
        }
        assert.deepEqual(db.pragma('foreign_key_check'), []);
      });
    }
  }
});

/** Puts one row in each table that exists at this point of the history; returns their content to compare later. */
function plantRows(db: Database.Database, kind: 'global' | 'profile'): Map<string, unknown[]> {
  const now = '2026-01-01T00:00:00.000Z';
  const has = (table: string) => tableExists(db, table);
  if (kind === 'global' && has('profiles')) {
    db.prepare(`INSERT INTO profiles (id, name, name_key, created_at, is_active) VALUES (?, 'Ada', 'ada', ?, 1)`).run(
      'prof_11111111111111111111111111111111',
      now,
    );
  }
  if (kind === 'profile' && has('talk_projects')) {
    db.prepare(
      `INSERT INTO talk_projects (id, title, stage, is_training, talk_number, created_at, updated_at) VALUES (?, 'Pitch', 'draft', 0, 1, ?, ?)`,
    ).run('proj_22222222222222222222222222222222', now, now);
    db.prepare(`INSERT INTO runs (id, project_id, created_at) VALUES (?, ?, ?)`).run(
      'run_33333333333333333333333333333333',
      'proj_22222222222222222222222222222222',
      now,
    );
  }
  const planted = new Map<string, unknown[]>();
  for (const table of kind === 'global' ? ['profiles'] : ['talk_projects', 'runs']) {
    if (has(table)) planted.set(table, db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all());
  }
  return planted;
}
