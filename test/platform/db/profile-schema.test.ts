import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import type { Database } from 'better-sqlite3';
import { createProfile } from '../../../src/core/workspace/index.js';
import { newId } from '../../../src/kernel/ids.js';
import { nowUtc } from '../../../src/kernel/time.js';
import { DataStore } from '../../../src/platform/db/data-store.js';
import { makeTempDir } from '../../support/temp-dir.js';

// Real profile databases, created and migrated by the app; every test that writes gets a database of its own.
const store = DataStore.open(makeTempDir());
after(() => store.close());

let profileCount = 0;
function freshProfileDb(): Database {
  profileCount += 1;
  return store.profile(createProfile(store, `Speaker ${profileCount}`).id);
}

// ---------------------------------------------------------------------------------------------------------------
// Row helpers: the smallest valid row of each table.

function insertTalk(db: Database, options: { id?: string; talkNumber?: number | null; isTraining?: boolean } = {}): string {
  const id = options.id ?? newId('proj');
  const now = nowUtc();
  db.prepare(
    `INSERT INTO talk_projects (id, title, talk_number, is_training, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(id, 'My talk', options.talkNumber ?? null, options.isTraining ? 1 : 0, now, now);
  return id;
}

function insertOutline(db: Database, projectId: string): void {
  const now = nowUtc();
  db.prepare(`INSERT INTO talk_outlines (project_id, outline_md, created_at, updated_at) VALUES (?, ?, ?, ?)`).run(
    projectId,
    '# Outline',
    now,
    now,
  );
}

function setActiveProject(db: Database, projectId: string): void {
  db.prepare(`UPDATE active_state SET active_project_id = ? WHERE id = 1`).run(projectId);
}

function insertArtifact(db: Database, type = 'audio'): string {
  const id = newId('art');
  db.prepare(`INSERT INTO artifacts (id, type, local_relpath, sha256, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?)`).run(
    id,
    type,
    `${type}/${id}.bin`,
    randomBytes(32).toString('hex'),
    1024,
    nowUtc(),
  );
  return id;
}

interface Media {
  audio?: string | null;
  transcript?: string | null;
}

function insertRun(db: Database, projectId: string, media: Media = {}): string {
  const id = newId('run');
  db.prepare(`INSERT INTO runs (id, project_id, created_at, audio_artifact_id, transcript_id) VALUES (?, ?, ?, ?, ?)`).run(
    id,
    projectId,
    nowUtc(),
    media.audio ?? null,
    media.transcript ?? null,
  );
  return id;
}

function insertAttempt(db: Database, projectId: string, media: Media = {}, questCode = 'A01'): string {
  const id = newId('att');
  db.prepare(
    `INSERT INTO quest_attempts (id, project_id, quest_code, created_at, audio_artifact_id, transcript_id)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(id, projectId, questCode, nowUtc(), media.audio ?? null, media.transcript ?? null);
  return id;
}

interface FeedbackSubject {
  runId?: string | null;
  attemptId?: string | null;
}

/** A feedback row with its own JSON artifact unless one is given. */
function insertFeedback(db: Database, subject: FeedbackSubject, artifactId = insertArtifact(db, 'feedback')): string {
  const id = newId('fb');
  db.prepare(
    `INSERT INTO auto_feedback (id, run_id, attempt_id, created_at, feedback_json_artifact_id, overall_score, analyzer_version)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, subject.runId ?? null, subject.attemptId ?? null, nowUtc(), artifactId, 72, 1);
  return id;
}

function insertNote(db: Database, feedbackId: string): void {
  db.prepare(`INSERT INTO feedback_notes (feedback_id, note_text, updated_at) VALUES (?, ?, ?)`).run(
    feedbackId,
    'Slow down in part two.',
    nowUtc(),
  );
}

/** A peer review with its own JSON artifact unless one is given. */
function insertPeerReview(db: Database, runId: string, artifactId = insertArtifact(db, 'peer_review')): string {
  const id = newId('peer');
  db.prepare(`INSERT INTO peer_reviews (id, run_id, created_at, review_json_artifact_id) VALUES (?, ?, ?, ?)`).run(
    id,
    runId,
    nowUtc(),
    artifactId,
  );
  return id;
}

// ---------------------------------------------------------------------------------------------------------------
// Read helpers.

function countRows(db: Database, table: string, where = '1 = 1', ...params: unknown[]): number {
  return db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get(...params) as number;
}

function rowExists(db: Database, table: string, column: string, value: string): boolean {
  return countRows(db, table, `${column} = ?`, value) > 0;
}

function readColumn(db: Database, table: string, column: string, id: string): unknown {
  return db.prepare(`SELECT ${column} FROM ${table} WHERE id = ?`).pluck().get(id);
}

/** Asserts that SQLite refuses the write with this extended result code (SQLITE_CONSTRAINT_FOREIGNKEY, ...). */
function assertRefused(work: () => unknown, code: string): void {
  assert.throws(work, (error: unknown) => {
    assert.equal((error as { code?: unknown }).code, code, `expected ${code}, got ${String(error)}`);
    return true;
  });
}

/**
 * Asserts that a write to a parent row is refused by an ON DELETE / ON UPDATE RESTRICT action. SQLite runs RESTRICT
 * as a built-in trigger: the message is "FOREIGN KEY constraint failed" but the code is SQLITE_CONSTRAINT_TRIGGER
 * (NO ACTION would fail with SQLITE_CONSTRAINT_FOREIGNKEY instead, so this also tells the two apart).
 */
function assertRestricted(work: () => unknown): void {
  assert.throws(work, { code: 'SQLITE_CONSTRAINT_TRIGGER', message: 'FOREIGN KEY constraint failed' });
}

interface ForeignKey {
  table: string;
  from: string;
  parent: string;
  to: string;
  onDelete: string;
  onUpdate: string;
}

function userTables(db: Database): string[] {
  return db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
}

/** Every FK of every table, as `PRAGMA foreign_key_list(<table>)` reports it. */
function foreignKeys(db: Database): ForeignKey[] {
  return userTables(db).flatMap((table) =>
    (
      db.prepare(`SELECT "table" AS parent, "from", "to", on_delete, on_update FROM pragma_foreign_key_list(?)`).all(table) as Array<{
        parent: string;
        from: string;
        to: string;
        on_delete: string;
        on_update: string;
      }>
    ).map((fk) => ({ table, from: fk.from, parent: fk.parent, to: fk.to, onDelete: fk.on_delete, onUpdate: fk.on_update })),
  );
}

/** The first column of each index of the table (partial indexes included), plus its first PRIMARY KEY column. */
function leadingIndexedColumns(db: Database, table: string): Set<string> {
  const indexLeads = db
    .prepare(
      `SELECT info.name FROM pragma_index_list(?) AS list, pragma_index_info(list.name) AS info WHERE info.seqno = 0`,
    )
    .pluck()
    .all(table) as string[];
  // An INTEGER PRIMARY KEY is the rowid itself and has no entry in index_list.
  const primaryKeyLead = db.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk = 1`).pluck().all(table) as string[];
  return new Set([...indexLeads, ...primaryKeyLead]);
}

// ---------------------------------------------------------------------------------------------------------------

describe('profile schema: foreign key declarations', () => {
  const db = freshProfileDb();

  test('the FKs are exactly the documented policy: CASCADE for owned rows, SET NULL for media, RESTRICT for records and quests, ON UPDATE RESTRICT everywhere', () => {
    const actual = foreignKeys(db)
      .map((fk) => `${fk.table}.${fk.from} -> ${fk.parent}.${fk.to} (${fk.onDelete}/${fk.onUpdate})`)
      .sort();
    const expected = [
      'active_state.active_project_id -> talk_projects.id (SET NULL/RESTRICT)',
      'auto_feedback.attempt_id -> quest_attempts.id (CASCADE/RESTRICT)',
      'auto_feedback.feedback_json_artifact_id -> artifacts.id (RESTRICT/RESTRICT)',
      'auto_feedback.run_id -> runs.id (CASCADE/RESTRICT)',
      'feedback_notes.feedback_id -> auto_feedback.id (CASCADE/RESTRICT)',
      'peer_reviews.review_json_artifact_id -> artifacts.id (RESTRICT/RESTRICT)',
      'peer_reviews.run_id -> runs.id (CASCADE/RESTRICT)',
      'quest_attempts.audio_artifact_id -> artifacts.id (SET NULL/RESTRICT)',
      'quest_attempts.project_id -> talk_projects.id (CASCADE/RESTRICT)',
      'quest_attempts.quest_code -> quests.code (RESTRICT/RESTRICT)',
      'quest_attempts.transcript_id -> artifacts.id (SET NULL/RESTRICT)',
      'runs.audio_artifact_id -> artifacts.id (SET NULL/RESTRICT)',
      'runs.project_id -> talk_projects.id (CASCADE/RESTRICT)',
      'runs.transcript_id -> artifacts.id (SET NULL/RESTRICT)',
      'talk_outlines.project_id -> talk_projects.id (CASCADE/RESTRICT)',
      'voice_memos.audio_artifact_id -> artifacts.id (RESTRICT/RESTRICT)',
    ];
    assert.deepEqual(actual, expected);
  });

  test('every FK child column leads an index (or the primary key), so parent deletes and joins never scan', () => {
    const fks = foreignKeys(db);
    assert.ok(fks.length > 10, `expected more than 10 FKs to check, found ${fks.length}`);
    const unindexed = fks
      .filter((fk) => !leadingIndexedColumns(db, fk.table).has(fk.from))
      .map((fk) => `${fk.table}.${fk.from}`);
    assert.deepEqual(unindexed, []);
  });
});

describe('profile schema: foreign keys are enforced', () => {
  test('a run for a talk that does not exist is refused with a FOREIGN KEY error and nothing is added', () => {
    const db = freshProfileDb();
    assertRefused(() => insertRun(db, newId('proj')), 'SQLITE_CONSTRAINT_FOREIGNKEY');
    assert.equal(countRows(db, 'runs'), 0);
  });

  test("changing a talk's id while it has a run is refused (ON UPDATE RESTRICT) and the id stays", () => {
    const db = freshProfileDb();
    const talk = insertTalk(db);
    const run = insertRun(db, talk);
    assertRestricted(() => db.prepare(`UPDATE talk_projects SET id = ? WHERE id = ?`).run(newId('proj'), talk));
    assert.ok(rowExists(db, 'talk_projects', 'id', talk));
    assert.equal(readColumn(db, 'runs', 'project_id', run), talk);
  });
});

describe('profile schema: ON DELETE actions', () => {
  test('deleting a talk removes its outline, runs, attempts, their feedback, notes and peer reviews, and clears the active talk', () => {
    const db = freshProfileDb();
    const talk = insertTalk(db);
    insertOutline(db, talk);
    setActiveProject(db, talk);
    const run = insertRun(db, talk);
    const runFeedback = insertFeedback(db, { runId: run });
    insertNote(db, runFeedback);
    insertPeerReview(db, run);
    const attempt = insertAttempt(db, talk);
    const attemptFeedback = insertFeedback(db, { attemptId: attempt });
    insertNote(db, attemptFeedback);
    // A second talk with the same kinds of rows must be left alone.
    const otherTalk = insertTalk(db);
    insertOutline(db, otherTalk);
    const otherRun = insertRun(db, otherTalk);
    insertNote(db, insertFeedback(db, { runId: otherRun }));
    insertPeerReview(db, otherRun);
    insertAttempt(db, otherTalk);

    db.prepare(`DELETE FROM talk_projects WHERE id = ?`).run(talk);

    assert.deepEqual(
      {
        outlines: countRows(db, 'talk_outlines', 'project_id = ?', talk),
        runs: countRows(db, 'runs', 'project_id = ?', talk),
        attempts: countRows(db, 'quest_attempts', 'project_id = ?', talk),
        feedback: countRows(db, 'auto_feedback', 'id IN (?, ?)', runFeedback, attemptFeedback),
        notes: countRows(db, 'feedback_notes', 'feedback_id IN (?, ?)', runFeedback, attemptFeedback),
        peerReviews: countRows(db, 'peer_reviews', 'run_id = ?', run),
      },
      { outlines: 0, runs: 0, attempts: 0, feedback: 0, notes: 0, peerReviews: 0 },
    );
    assert.deepEqual(db.prepare(`SELECT id, active_project_id FROM active_state`).all(), [{ id: 1, active_project_id: null }]);
    assert.deepEqual(
      {
        outlines: countRows(db, 'talk_outlines'),
        runs: countRows(db, 'runs'),
        attempts: countRows(db, 'quest_attempts'),
        feedback: countRows(db, 'auto_feedback'),
        notes: countRows(db, 'feedback_notes'),
        peerReviews: countRows(db, 'peer_reviews'),
      },
      { outlines: 1, runs: 1, attempts: 1, feedback: 1, notes: 1, peerReviews: 1 },
      "the other talk's rows are kept",
    );
  });

  test('deleting an audio or transcript artifact keeps the runs and attempts and sets their reference to NULL', () => {
    const db = freshProfileDb();
    const talk = insertTalk(db);
    const runMedia = { audio: insertArtifact(db, 'audio'), transcript: insertArtifact(db, 'transcript') };
    const attemptMedia = { audio: insertArtifact(db, 'audio'), transcript: insertArtifact(db, 'transcript') };
    const run = insertRun(db, talk, runMedia);
    const attempt = insertAttempt(db, talk, attemptMedia);
    const media = (table: string, id: string) =>
      db.prepare(`SELECT audio_artifact_id AS audio, transcript_id AS transcript FROM ${table} WHERE id = ?`).get(id);

    db.prepare(`DELETE FROM artifacts WHERE id IN (?, ?)`).run(runMedia.audio, attemptMedia.audio);
    assert.deepEqual(media('runs', run), { audio: null, transcript: runMedia.transcript });
    assert.deepEqual(media('quest_attempts', attempt), { audio: null, transcript: attemptMedia.transcript });

    db.prepare(`DELETE FROM artifacts WHERE id IN (?, ?)`).run(runMedia.transcript, attemptMedia.transcript);
    assert.deepEqual(media('runs', run), { audio: null, transcript: null });
    assert.deepEqual(media('quest_attempts', attempt), { audio: null, transcript: null });
  });

  test('deleting the JSON artifact of a feedback row is refused (RESTRICT) and both rows stay', () => {
    const db = freshProfileDb();
    const run = insertRun(db, insertTalk(db));
    const artifact = insertArtifact(db, 'feedback');
    const feedback = insertFeedback(db, { runId: run }, artifact);
    assertRestricted(() => db.prepare(`DELETE FROM artifacts WHERE id = ?`).run(artifact));
    assert.ok(rowExists(db, 'artifacts', 'id', artifact));
    assert.equal(readColumn(db, 'auto_feedback', 'feedback_json_artifact_id', feedback), artifact);
  });

  test('deleting the JSON artifact of a peer review is refused (RESTRICT) and both rows stay', () => {
    const db = freshProfileDb();
    const run = insertRun(db, insertTalk(db));
    const artifact = insertArtifact(db, 'peer_review');
    const review = insertPeerReview(db, run, artifact);
    assertRestricted(() => db.prepare(`DELETE FROM artifacts WHERE id = ?`).run(artifact));
    assert.ok(rowExists(db, 'artifacts', 'id', artifact));
    assert.equal(readColumn(db, 'peer_reviews', 'review_json_artifact_id', review), artifact);
  });

  test('deleting a quest that has attempts is refused (RESTRICT): quests are retired, never deleted', () => {
    const db = freshProfileDb();
    const attempt = insertAttempt(db, insertTalk(db), {}, 'D01');
    assertRestricted(() => db.prepare(`DELETE FROM quests WHERE code = ?`).run('D01'));
    assert.ok(rowExists(db, 'quests', 'code', 'D01'));
    assert.equal(readColumn(db, 'quest_attempts', 'quest_code', attempt), 'D01');
  });

  test('deleting a run removes its feedback, note and peer reviews but keeps the talk and its other runs', () => {
    const db = freshProfileDb();
    const talk = insertTalk(db);
    const run = insertRun(db, talk);
    const feedback = insertFeedback(db, { runId: run });
    insertNote(db, feedback);
    insertPeerReview(db, run);
    const otherRun = insertRun(db, talk);
    const otherFeedback = insertFeedback(db, { runId: otherRun });
    insertNote(db, otherFeedback);
    insertPeerReview(db, otherRun);

    db.prepare(`DELETE FROM runs WHERE id = ?`).run(run);

    assert.equal(countRows(db, 'auto_feedback', 'run_id = ?', run), 0);
    assert.equal(countRows(db, 'feedback_notes', 'feedback_id = ?', feedback), 0);
    assert.equal(countRows(db, 'peer_reviews', 'run_id = ?', run), 0);
    assert.ok(rowExists(db, 'talk_projects', 'id', talk));
    assert.ok(rowExists(db, 'runs', 'id', otherRun));
    assert.ok(rowExists(db, 'feedback_notes', 'feedback_id', otherFeedback));
    assert.equal(countRows(db, 'peer_reviews', 'run_id = ?', otherRun), 1);
  });

  test('deleting a feedback row removes its note and keeps the run', () => {
    const db = freshProfileDb();
    const run = insertRun(db, insertTalk(db));
    const feedback = insertFeedback(db, { runId: run });
    insertNote(db, feedback);

    db.prepare(`DELETE FROM auto_feedback WHERE id = ?`).run(feedback);

    assert.equal(countRows(db, 'feedback_notes', 'feedback_id = ?', feedback), 0);
    assert.ok(rowExists(db, 'runs', 'id', run));
  });
});

describe('profile schema: feedback has exactly one subject', () => {
  test('feedback with neither a run nor an attempt is refused by the CHECK', () => {
    const db = freshProfileDb();
    assertRefused(() => insertFeedback(db, {}), 'SQLITE_CONSTRAINT_CHECK');
    assert.equal(countRows(db, 'auto_feedback'), 0);
  });

  test('feedback with both a run and an attempt is refused by the CHECK', () => {
    const db = freshProfileDb();
    const talk = insertTalk(db);
    const subject = { runId: insertRun(db, talk), attemptId: insertAttempt(db, talk) };
    assertRefused(() => insertFeedback(db, subject), 'SQLITE_CONSTRAINT_CHECK');
    assert.equal(countRows(db, 'auto_feedback'), 0);
  });

  test('feedback for exactly one subject, a run or an attempt, is accepted', () => {
    const db = freshProfileDb();
    const talk = insertTalk(db);
    const forRun = insertFeedback(db, { runId: insertRun(db, talk) });
    const forAttempt = insertFeedback(db, { attemptId: insertAttempt(db, talk) });
    assert.ok(rowExists(db, 'auto_feedback', 'id', forRun));
    assert.ok(rowExists(db, 'auto_feedback', 'id', forAttempt));
  });
});

describe('profile schema: talks', () => {
  test('a second training talk is refused (UNIQUE): there is at most one', () => {
    const db = freshProfileDb();
    insertTalk(db, { isTraining: true });
    assertRefused(() => insertTalk(db, { isTraining: true }), 'SQLITE_CONSTRAINT_UNIQUE');
    assert.equal(countRows(db, 'talk_projects', 'is_training = 1'), 1);
  });

  test('a talk number is unique among talks, while any number of talks may have none', () => {
    const db = freshProfileDb();
    insertTalk(db, { talkNumber: 1 });
    assertRefused(() => insertTalk(db, { talkNumber: 1 }), 'SQLITE_CONSTRAINT_UNIQUE');
    insertTalk(db, { talkNumber: null });
    insertTalk(db, { talkNumber: null });
    assert.equal(countRows(db, 'talk_projects', 'talk_number = 1'), 1);
    assert.equal(countRows(db, 'talk_projects', 'talk_number IS NULL'), 2);
  });

  test('a training talk with a talk number is refused by the CHECK', () => {
    const db = freshProfileDb();
    assertRefused(() => insertTalk(db, { isTraining: true, talkNumber: 3 }), 'SQLITE_CONSTRAINT_CHECK');
    assert.equal(countRows(db, 'talk_projects'), 0);
  });

  test('ids are shape-checked: a talk id that is not proj_ + 32 lowercase hex is refused by the CHECK', () => {
    const db = freshProfileDb();
    const badIds = [
      'proj_123',
      'run_../x',
      `proj_../../${'a'.repeat(26)}`, // right length, path characters
      `proj_${'A'.repeat(32)}`, // right length, uppercase
      newId('run'), // a real id of another kind
    ];
    for (const id of badIds) {
      assertRefused(() => insertTalk(db, { id }), 'SQLITE_CONSTRAINT_CHECK');
    }
    assert.equal(countRows(db, 'talk_projects'), 0);
    assert.ok(rowExists(db, 'talk_projects', 'id', insertTalk(db, { id: newId('proj') })));
  });
});

describe('profile schema: quest attempts', () => {
  test('two attempts for the same recording are refused (UNIQUE): one attempt per recording', () => {
    const db = freshProfileDb();
    const talk = insertTalk(db);
    const audio = insertArtifact(db, 'audio');
    insertAttempt(db, talk, { audio });
    assertRefused(() => insertAttempt(db, talk, { audio }, 'D02'), 'SQLITE_CONSTRAINT_UNIQUE');
    assert.equal(countRows(db, 'quest_attempts', 'audio_artifact_id = ?', audio), 1);
  });

  test('any number of attempts may have no recording', () => {
    const db = freshProfileDb();
    const talk = insertTalk(db);
    insertAttempt(db, talk, { audio: null });
    insertAttempt(db, talk, { audio: null });
    assert.equal(countRows(db, 'quest_attempts', 'audio_artifact_id IS NULL'), 2);
  });
});

describe('profile schema: quest catalogue', () => {
  interface QuestRow {
    code: string;
    category: string;
    title_en: string;
    title_fr: string;
    prompt_en: string;
    prompt_fr: string;
    catalogue_version: number;
    retired: number;
  }
  const db = freshProfileDb();
  const quests = db
    .prepare(`SELECT code, category, title_en, title_fr, prompt_en, prompt_fr, catalogue_version, retired FROM quests`)
    .all() as QuestRow[];

  test('a new profile has at least 12 quests, each titled and prompted in English and French', () => {
    assert.ok(quests.length >= 12, `expected at least 12 quests, found ${quests.length}`);
    const untranslated = quests
      .filter((quest) => [quest.title_en, quest.title_fr, quest.prompt_en, quest.prompt_fr].some((text) => text.trim() === ''))
      .map((quest) => quest.code);
    assert.deepEqual(untranslated, []);
  });

  test('the catalogue covers every practice category and has the A01, D01 and FREE quests', () => {
    const categories = new Set(quests.map((quest) => quest.category));
    for (const category of ['start', 'structure', 'delivery', 'pacing', 'fillers', 'closing', 'qa']) {
      assert.ok(categories.has(category), `no quest in category ${category}`);
    }
    const codes = new Set(quests.map((quest) => quest.code));
    for (const code of ['A01', 'D01', 'FREE']) assert.ok(codes.has(code), `no quest ${code}`);
  });

  test('every seeded quest has a catalogue version of at least 1 and is not retired', () => {
    const wrong = quests.filter((quest) => quest.catalogue_version < 1 || quest.retired !== 0).map((quest) => quest.code);
    assert.deepEqual(wrong, []);
  });
});
