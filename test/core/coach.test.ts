import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Database } from 'better-sqlite3';
import { blueprint, mascotMessage, progressSnapshot } from '../../src/core/coach/index.js';
import { newId } from '../../src/kernel/ids.js';
import { assertThrowsCode } from '../support/errors.js';
import { invokeErrorCode, invokeOk } from '../support/invoke.js';
import { openSessionWithProfile } from '../support/profile-store.js';

async function setup() {
  const { store, profileId, session } = await openSessionWithProfile();
  const { project } = await invokeOk(store, 'project_create', { profileId, project: { title: 'Pitch' } });
  return { store, profileId, session, projectId: project.id, db: session.db };
}

function addAttempt(db: Database, projectId: string, at: string): string {
  const id = newId('att');
  db.prepare(`INSERT INTO quest_attempts (id, project_id, quest_code, created_at, output_text) VALUES (?, ?, 'A01', ?, 'x')`).run(id, projectId, at);
  return id;
}

function addRun(db: Database, projectId: string, at: string): string {
  const id = newId('run');
  db.prepare(`INSERT INTO runs (id, project_id, created_at) VALUES (?, ?, ?)`).run(id, projectId, at);
  return id;
}

function addFeedback(db: Database, subject: { runId?: string; attemptId?: string }, at: string, score = 70): void {
  const artifact = newId('art');
  db.prepare(`INSERT INTO artifacts (id, type, local_relpath, sha256, bytes, created_at) VALUES (?, 'feedback', ?, ?, 1, ?)`).run(artifact, `artifacts/feedback/${artifact}.json`, 'f'.repeat(64), at);
  db.prepare(
    `INSERT INTO auto_feedback (id, run_id, attempt_id, created_at, feedback_json_artifact_id, overall_score, analyzer_version, wpm, fillers_per_min) VALUES (?, ?, ?, ?, ?, ?, 2, 140, 1.5)`,
  ).run(newId('fb'), subject.runId ?? null, subject.attemptId ?? null, at, artifact, score);
}

describe('coach', () => {
  test('progress counts runs and attempts; the streak uses the speaker’s local days, not UTC days', async () => {
    const { session, projectId, db } = await setup();
    const evening = addAttempt(db, projectId, '2026-11-23T04:30:00.000Z'); // Nov 22, 23:30 in Montréal; Nov 23 in UTC
    addRun(db, projectId, '2026-11-23T16:00:00.000Z'); // Nov 23 in both
    addFeedback(db, { attemptId: evening }, '2026-11-23T04:31:00.000Z');
    const now = new Date('2026-11-23T20:00:00.000Z');
    const local = progressSnapshot(session, { timeZone: 'America/Montreal', now });
    const utc = progressSnapshot(session, { timeZone: 'UTC', now });
    assert.deepEqual([local.sessionsTotal, local.attemptsTotal, local.runsTotal, local.feedbackReadyTotal], [2, 1, 1, 1]);
    assert.equal(local.streakDays, 2, 'Nov 22 and Nov 23 in Montréal');
    assert.equal(utc.streakDays, 1, 'both on Nov 23 in UTC');
    assert.equal(local.credits, 10 * 2 + 5 * 1 + 2 * 2);
    assert.equal(local.nextMilestone, 50);
    assert.equal(local.lastPracticeAt, '2026-11-23T16:00:00.000Z');
  });

  test('the streak breaks after a day without practice; the week counts the last 7 local days', async () => {
    const { session, projectId, db } = await setup();
    for (const day of ['2026-11-10', '2026-11-18', '2026-11-19', '2026-11-21', '2026-11-22', '2026-11-24']) {
      addAttempt(db, projectId, `${day}T12:00:00.000Z`);
    }
    const snapshot = progressSnapshot(session, { timeZone: 'Europe/Paris', now: new Date('2026-11-25T09:00:00.000Z') });
    assert.equal(snapshot.streakDays, 1, 'yesterday only: Nov 23 is missing');
    assert.equal(snapshot.weeklyCompleted, 4, 'Nov 19 to Nov 25');
    const cold = progressSnapshot(session, { timeZone: 'Europe/Paris', now: new Date('2026-11-27T09:00:00.000Z') });
    assert.equal(cold.streakDays, 0);
  });

  test('the weekly target comes from the profile preference; a bad time zone is refused', async () => {
    const { store, profileId } = await setup();
    await invokeOk(store, 'preference_profile_set', { profileId, key: 'coach.weeklyTarget', value: '3' });
    const { progress } = await invokeOk(store, 'progress_get_snapshot', { profileId });
    assert.equal(progress.weeklyTarget, 3);
    assert.equal(await invokeErrorCode(store, 'progress_get_snapshot', { profileId, timeZone: 'Mars/Olympus' }), 'time_zone_invalid');
  });

  test('trends give score, WPM and fillers per minute of runs and attempts, oldest first', async () => {
    const { store, profileId, projectId, db } = await setup();
    const run = addRun(db, projectId, '2026-11-20T10:00:00.000Z');
    const attempt = addAttempt(db, projectId, '2026-11-19T10:00:00.000Z');
    addFeedback(db, { runId: run }, '2026-11-20T10:01:00.000Z', 80);
    addFeedback(db, { attemptId: attempt }, '2026-11-19T10:01:00.000Z', 60);
    const { points } = await invokeOk(store, 'coach_trends', { profileId, projectId });
    assert.deepEqual(points.map((p) => [p.subject, p.score, p.wpm]), [['attempt', 60, 140], ['run', 80, 140]]);
    // Each point names its analysis and run, so the chart opens that review.
    assert.deepEqual(points.map((p) => p.runId), [null, run]);
    const ids = db.prepare('SELECT id FROM auto_feedback ORDER BY created_at').pluck().all();
    assert.deepEqual(points.map((p) => p.feedbackId), ids);
  });

  test('trends read pauses, pitch variation, both paces and the talk’s target from the feedback rows, with exact values', async () => {
    const { store, profileId, projectId, db } = await setup();
    await invokeOk(store, 'project_update', { profileId, projectId, changes: { durationTargetSec: 300 } });
    const { project: other } = await invokeOk(store, 'project_create', { profileId, project: { title: 'No target' } });
    const run = addRun(db, projectId, '2026-11-20T10:00:00.000Z');
    const untargeted = addRun(db, other.id, '2026-11-21T10:00:00.000Z');
    const attempt = addAttempt(db, projectId, '2026-11-19T10:00:00.000Z');
    const numbers = `UPDATE auto_feedback SET duration_ms = ?, wpm = ?, wpm_whole_run = ?, long_pauses = ?, pauses = ?, pitch_variability_semitones = ?
      WHERE coalesce(run_id, attempt_id) = ?`;
    addFeedback(db, { runId: run }, '2026-11-20T10:01:00.000Z', 80);
    db.prepare(numbers).run(330_000, 150, 131, 3, 40, 2.75, run);
    addFeedback(db, { runId: untargeted }, '2026-11-21T10:01:00.000Z', 75);
    db.prepare(numbers).run(45_000, 140, 120, 2, 9, null, untargeted);
    addFeedback(db, { attemptId: attempt }, '2026-11-19T10:01:00.000Z', 60); // typed: no timing, no recording

    const { points } = await invokeOk(store, 'coach_trends', { profileId, projectId });
    const view = (p: (typeof points)[number]) => [p.subject, p.durationMs, p.targetDurationSec, p.wpm, p.wpmWholeRun, p.longPauses, p.longPausesPerMin, p.pitchVariabilitySemitones];
    assert.deepEqual(points.map(view), [
      ['attempt', null, null, 140, null, null, null, null],
      // 3 long pauses in 5.5 min: 0.55 a minute; judged against the talk's 300 s target.
      ['run', 330_000, 300, 150, 131, 3, 0.55, 2.75],
    ]);
    const all = await invokeOk(store, 'coach_trends', { profileId });
    // The whole profile: each run with its own talk's target (none for the second talk); 2 long pauses in 45 s: 2.67.
    assert.deepEqual(all.points.map(view), [
      ['attempt', null, null, 140, null, null, null, null],
      ['run', 330_000, 300, 150, 131, 3, 0.55, 2.75],
      ['run', 45_000, null, 140, 120, 2, 2.67, null],
    ]);
  });

  test('mascot: no "Your first take" once the speaker has rehearsed a talk (runs count, not only quests)', async () => {
    const { session, projectId, db } = await setup();
    addRun(db, projectId, '2026-11-23T16:00:00.000Z');
    const message = mascotMessage(session, { routeName: 'training', now: new Date('2026-11-23T18:00:00.000Z') });
    assert.equal(message.id, 'steady');
  });

  test('mascot: a first take for a new speaker; old feedback no longer hides a streak (the reference’s shadowing fixed)', async () => {
    const { store, profileId, session, db } = await setup();
    const first = mascotMessage(session, { routeName: ' Training ', locale: 'fr' });
    assert.equal(first.id, 'first-quest');
    assert.match(first.ctaRoute!, /^\/quest\/FREE\?projectId=proj_/);
    const { project: training } = await invokeOk(store, 'project_ensure_training', { profileId });
    let attempt = '';
    for (const day of ['2026-11-21', '2026-11-22', '2026-11-23']) attempt = addAttempt(db, training.id, `${day}T12:00:00.000Z`);
    addFeedback(db, { attemptId: attempt }, '2026-11-23T12:05:00.000Z');
    const fresh = mascotMessage(session, { routeName: 'training', now: new Date('2026-11-23T18:00:00.000Z') });
    assert.equal(fresh.id, 'feedback-ready');
    assert.equal(fresh.body, '1 fresh piece of feedback to read: pick one action and try again.');
    const later = mascotMessage(session, { routeName: 'training', now: new Date('2026-11-24T18:00:00.000Z') });
    assert.equal(later.id, 'streak');
    assert.equal(later.title, '3-day streak');
    assert.equal(mascotMessage(session, { routeName: 'talks' }).id, 'talks-next-action');
    assert.equal(mascotMessage(session, { routeName: 'elsewhere' }).id, 'steady');
  });

  test('blueprint: the framework follows the goal and audience; steps report what is done', async () => {
    const { store, profileId, session, projectId, db } = await setup();
    assert.equal(blueprint(session, projectId).frameworkId, 'hook-story-proof');
    await invokeOk(store, 'project_update', { profileId, projectId, changes: { goal: 'Convince the board', audience: 'Board', durationTargetSec: 600 } });
    await invokeOk(store, 'outline_set', { profileId, projectId, markdown: '# Pitch\n- problem, solution, impact' });
    addRun(db, projectId, '2026-11-20T10:00:00.000Z');
    const plan = blueprint(session, projectId, 'fr');
    assert.equal(plan.frameworkId, 'problem-solution-impact');
    assert.equal(plan.frameworkLabel, 'Problème -> Solution -> Impact');
    assert.deepEqual(plan.steps.map((s) => [s.id, s.done]), [['define', true], ['structure', true], ['rehearse', true], ['feedback', false], ['ship', false]]);
    assert.equal(plan.completionPercent, 60);
    assert.equal(plan.nextStepId, 'feedback');
    assertThrowsCode(() => blueprint(session, `proj_${'0'.repeat(32)}`), 'project_not_found');
  });
});
