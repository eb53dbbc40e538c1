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
        const planted = plantRows(db);
        migrate(db, steps);
        assert.equal(schemaFingerprint(db), freshFingerprint);
        for (const [table, before] of planted) {
          // A later step may add columns: each planted row must still be there with the columns it had.
          const after = (db.prepare(`SELECT * FROM "${table}"`).all() as Array<Record<string, unknown>>).map((row) => JSON.stringify(pick(row, Object.keys(before))));
          assert.ok(after.includes(JSON.stringify(before)), `the row planted in ${table} survives the upgrade`);
        }
        assert.deepEqual(db.pragma('foreign_key_check'), []);
      });
    }
  }
});

describe('0009 feedback delivery metrics', () => {
  test('a feedback row written before 0009 keeps its numbers and waits for the backfill (version 1, new numbers NULL)', () => {
    const steps = migrationStepsFor(profileScope('prof_00000000000000000000000000000000'));
    const at = steps.findIndex((step) => step.name === '0009_feedback_delivery_metrics');
    assert.ok(at > 0, 'the step exists');
    const { db } = freshDb();
    migrate(db, steps.slice(0, at));
    plantRows(db);
    migrate(db, steps);
    const row = db.prepare(`SELECT duration_ms, wpm, fillers_per_min, top_action_id, pauses, long_pauses, pitch_variability_semitones,
      wpm_whole_run, key_metrics_version FROM auto_feedback`).get();
    assert.deepEqual({ ...(row as object) }, {
      duration_ms: 60_000, wpm: 142.5, fillers_per_min: 1.5, top_action_id: 'pause_instead_of_filler',
      pauses: null, long_pauses: null, pitch_variability_semitones: null, wpm_whole_run: null, key_metrics_version: 1,
    });
    const pending = db.prepare(`SELECT id FROM auto_feedback WHERE key_metrics_version < 2`).pluck().all();
    assert.deepEqual(pending, [FEEDBACK_ID]);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM auto_feedback WHERE key_metrics_version < 2 ORDER BY id LIMIT 100`).all() as { detail: string }[];
    assert.match(plan.map((step) => step.detail).join('; '), /USING (COVERING )?INDEX idx_feedback_key_metrics_pending/);
  });
});

const NOW = '2026-01-01T00:00:00.000Z';
const PROFILE_ID = `prof_${'1'.repeat(32)}`;
const PROJECT_ID = `proj_${'2'.repeat(32)}`;
const ARTIFACT_ID = `art_${'4'.repeat(32)}`;
const RUN_ID = `run_${'3'.repeat(32)}`;
const FEEDBACK_ID = `fb_${'5'.repeat(32)}`;

/**
 * One row for every table of either database, in an order that satisfies the foreign keys, with a value for every
 * column any step ever gives the table (only the columns that exist at the planted point are written). A table
 * without a row here fails the matrix: a new table must say what its rows look like, so that a later rebuild of it
 * that drops or changes rows fails this test.
 */
const PLANTED_ROWS: Record<string, Record<string, unknown>> = {
  profiles: { id: PROFILE_ID, name: 'Ada', name_key: 'ada', created_at: NOW, last_opened_at: NOW, is_active: 1 },
  global_settings: { key: 'ui.theme', value_json: '"dark"', updated_at: NOW },
  recovery_events: {
    id: `rec_${'6'.repeat(32)}`, scope: 'profile', profile_id: PROFILE_ID, reason: 'corrupt', outcome: 'restored', detected_at: NOW,
    snapshot_name: 'profile-20260101T000000000Z-v1-scheduled-abcdef.db', snapshot_created_at: NOW, quarantine_name: 'profile-quarantined.db',
    acknowledged_at: NOW, data_warning: 'snapshot_lacks_user_data',
  },
  talk_projects: { id: PROJECT_ID, title: 'Pitch', audience: 'Investors', goal: 'Raise', duration_target_sec: 300, talk_number: 1, stage: 'train', is_training: 0, created_at: NOW, updated_at: NOW },
  talk_outlines: { project_id: PROJECT_ID, outline_md: '# Pitch', created_at: NOW, updated_at: NOW },
  active_state: { id: 1, active_project_id: PROJECT_ID },
  quests: {
    code: 'Z99', category: 'free', output_type: 'audio', estimated_sec: 60, targets_issues_json: '["fillers"]', title_en: 'Planted', title_fr: 'Planté',
    prompt_en: 'Say it.', prompt_fr: 'Dites-le.', sort_order: 999, catalogue_version: 1, retired: 0,
  },
  artifacts: { id: ARTIFACT_ID, type: 'audio', local_relpath: `artifacts/audio/${ARTIFACT_ID}.wav`, sha256: 'a'.repeat(64), bytes: 44, created_at: NOW, metadata_json: '{"durationMs":1000}' },
  runs: { id: RUN_ID, project_id: PROJECT_ID, created_at: NOW, audio_artifact_id: ARTIFACT_ID, transcript_id: ARTIFACT_ID },
  quest_attempts: { id: `att_${'7'.repeat(32)}`, project_id: PROJECT_ID, quest_code: 'Z99', created_at: NOW, output_text: 'Done', audio_artifact_id: null, transcript_id: ARTIFACT_ID },
  auto_feedback: {
    id: FEEDBACK_ID, run_id: RUN_ID, attempt_id: null, created_at: NOW, feedback_json_artifact_id: ARTIFACT_ID, overall_score: 81, analyzer_version: 2,
    duration_ms: 60_000, wpm: 142.5, fillers_per_min: 1.5, top_action_id: 'pause_instead_of_filler',
    pauses: 12, long_pauses: 2, pitch_variability_semitones: 3.25, wpm_whole_run: 120, key_metrics_version: 2,
  },
  feedback_notes: { feedback_id: FEEDBACK_ID, note_text: 'Slow down', updated_at: NOW },
  peer_reviews: { id: `peer_${'8'.repeat(32)}`, run_id: RUN_ID, created_at: NOW, reviewer_tag: 'Grace', review_json_artifact_id: ARTIFACT_ID, review_sha256: 'd'.repeat(64) },
  profile_settings: { key: 'record.engine', value_json: '"manual"', updated_at: NOW },
  profile_identity: { id: 1, profile_id: PROFILE_ID, name: 'Ada', created_at: NOW },
  voice_memos: { id: `memo_${'9'.repeat(32)}`, title: 'Opening line', audio_artifact_id: ARTIFACT_ID, duration_ms: 4_000, created_at: NOW, updated_at: NOW },
};

/** Plants one row in every table that exists at this point of the history; returns each row as written. */
function plantRows(db: Database.Database): Map<string, Record<string, unknown>> {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'`).pluck().all() as string[];
  const planted = new Map<string, Record<string, unknown>>();
  for (const [table, row] of Object.entries(PLANTED_ROWS).filter(([table]) => tables.includes(table))) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
    const written = pick(row, columns);
    const names = Object.keys(written);
    // INSERT OR REPLACE: active_state is created with its one row.
    db.prepare(`INSERT OR REPLACE INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...Object.values(written));
    planted.set(table, written);
  }
  assert.deepEqual(tables.filter((table) => !planted.has(table)), [], 'every table has a planted row (add one to PLANTED_ROWS)');
  return planted;
}

function pick(row: Record<string, unknown>, columns: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(columns.filter((column) => column in row).map((column) => [column, row[column]]));
}
