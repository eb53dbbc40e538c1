import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Database } from 'better-sqlite3';
import { chooseDailyQuest, type DailyQuestFacts } from '../../src/core/quest/daily-quest.js';
import type { Quest } from '../../src/core/quest/types.js';
import { getDailyQuest, listQuests } from '../../src/core/quest/index.js';
import { newId } from '../../src/kernel/ids.js';
import { invokeOk } from '../support/invoke.js';
import { openSessionWithProfile } from '../support/profile-store.js';

async function setup() {
  const { store, profileId, session } = await openSessionWithProfile();
  const { project } = await invokeOk(store, 'project_ensure_training', { profileId });
  return { store, profileId, session, projectId: project.id, db: session.db };
}

function addAnalysis(db: Database, projectId: string, topAction: string, at: string): void {
  const attempt = newId('att');
  db.prepare(`INSERT INTO quest_attempts (id, project_id, quest_code, created_at, output_text) VALUES (?, ?, 'A01', ?, 'x')`).run(attempt, projectId, at);
  const artifact = newId('art');
  db.prepare(`INSERT INTO artifacts (id, type, local_relpath, sha256, bytes, created_at) VALUES (?, 'feedback', ?, ?, 1, ?)`).run(artifact, `artifacts/feedback/${artifact}.json`, 'f'.repeat(64), at);
  db.prepare(`INSERT INTO auto_feedback (id, attempt_id, created_at, feedback_json_artifact_id, overall_score, analyzer_version, top_action_id) VALUES (?, ?, ?, ?, 60, 2, ?)`).run(newId('fb'), attempt, at, artifact, topAction);
}

describe('daily quest', () => {
  test('a new speaker starts with the first quest of the catalogue, and the choice holds for the whole day', async () => {
    const { session } = await setup();
    const morning = getDailyQuest(session, { now: new Date('2026-11-25T08:00:00.000Z') });
    assert.equal(morning.quest.code, 'A01');
    assert.equal(morning.reason, 'not_tried_yet');
    assert.equal(morning.dueBossRun, false);
    const evening = getDailyQuest(session, { now: new Date('2026-11-25T21:00:00.000Z') });
    assert.equal(evening.quest.code, 'A01');
  });

  test('it targets the weakest area of recent feedback and never repeats yesterday’s quest', async () => {
    const { session, projectId, db } = await setup();
    addAnalysis(db, projectId, 'reduce_fillers', '2026-11-24T10:00:00.000Z');
    addAnalysis(db, projectId, 'slow_down', '2026-11-24T11:00:00.000Z');
    addAnalysis(db, projectId, 'reduce_fillers', '2026-11-24T12:00:00.000Z');
    const monday = getDailyQuest(session, { now: new Date('2026-11-24T18:00:00.000Z') });
    assert.deepEqual([monday.quest.code, monday.reason, monday.focusAction], ['F01', 'weakest_area', 'reduce_fillers']);
    assert.match(monday.why, /Cut the filler words/);
    assert.equal(monday.dueBossRun, true, 'three attempts and no full run yet');
    const tuesday = getDailyQuest(session, { now: new Date('2026-11-25T09:00:00.000Z'), locale: 'fr' });
    assert.equal(tuesday.quest.code, 'D01', 'the next quest for the same area, since F01 was yesterday’s');
    assert.match(tuesday.why, /Réduire les mots de remplissage/);
  });

  test('the day’s choice is kept per talk: asking about another talk does not change it or forget yesterday', async () => {
    const { store, profileId, session, projectId } = await setup();
    const { project: talk } = await invokeOk(store, 'project_create', { profileId, project: { title: 'Other' } });
    const now = new Date('2026-11-25T08:00:00.000Z');
    const first = getDailyQuest(session, { projectId, now });
    await invokeOk(store, 'quest_submit_text', { profileId, projectId, questCode: first.quest.code, text: 'done' });
    getDailyQuest(session, { projectId: talk.id, now });
    assert.equal(getDailyQuest(session, { projectId, now }).quest.code, first.quest.code);
    const tomorrow = getDailyQuest(session, { projectId, now: new Date('2026-11-26T08:00:00.000Z') });
    assert.notEqual(tomorrow.quest.code, first.quest.code);
  });

  test('a full run resets the boss-run counter', async () => {
    const { session, projectId, db } = await setup();
    for (const at of ['2026-11-20T10:00:00.000Z', '2026-11-21T10:00:00.000Z', '2026-11-22T10:00:00.000Z']) addAnalysis(db, projectId, 'vary_terms', at);
    db.prepare(`INSERT INTO runs (id, project_id, created_at) VALUES (?, ?, '2026-11-23T10:00:00.000Z')`).run(newId('run'), projectId);
    assert.equal(getDailyQuest(session, { now: new Date('2026-11-24T10:00:00.000Z') }).dueBossRun, false);
  });

  test('the rule, on its own: weakest area with ties to the most recent, then untried, then least recent', async () => {
    const { session } = await setup();
    const quests = listQuests(session);
    const base = { quests, lastAttemptAt: new Map<string, string>(), yesterdayCode: null, attemptsSinceLastRun: 0 };
    assert.equal(chooseDailyQuest({ ...base, recentTopActions: ['slow_down', 'reduce_fillers'] }).focusAction, 'slow_down');
    assert.equal(chooseDailyQuest({ ...base, recentTopActions: [null, 'unknown_action'] }).reason, 'not_tried_yet');
    const everyDay = new Map(quests.map((q, i) => [q.code, `2026-11-${String(10 + (i % 15)).padStart(2, '0')}T00:00:00.000Z`]));
    const least = chooseDailyQuest({ ...base, recentTopActions: [], lastAttemptAt: everyDay });
    assert.equal(least.reason, 'least_recent');
    assert.equal(everyDay.get(least.quest.code), [...everyDay.entries()].filter(([c]) => c !== 'FREE').map(([, at]) => at).sort()[0]);
  });

  test('quest_get_daily is reachable through the registry', async () => {
    const { store, profileId } = await setup();
    const { daily } = await invokeOk(store, 'quest_get_daily', { profileId, locale: 'fr' });
    assert.equal(daily.quest.code, 'A01');
    assert.match(daily.why, /pas encore essayé/);
  });
});

/** A quest as the catalogue gives it; only its code matters to the rule. */
function quest(code: string, sortOrder: number): Quest {
  return { code, category: 'delivery', outputType: 'audio', estimatedSec: 60, targetsIssues: [], title: code, prompt: code, sortOrder };
}

/** A01, F01, P01, D01 in catalogue order (F01 and D01 train reduce_fillers; P01 trains slow_down); nothing tried yet. */
function facts(overrides: Partial<DailyQuestFacts>): DailyQuestFacts {
  return {
    quests: ['A01', 'F01', 'P01', 'D01'].map(quest),
    recentTopActions: [],
    lastAttemptAt: new Map(),
    yesterdayCode: null,
    attemptsSinceLastRun: 0,
    ...overrides,
  };
}

function chosen(input: DailyQuestFacts): [string | undefined, string] {
  const choice = chooseDailyQuest(input);
  return [choice.quest?.code, choice.reason];
}

describe('daily quest rule, step by step on a small catalogue', { timeout: 10_000 }, () => {
  test('the free-practice quest is never the daily quest', () => {
    assert.deepEqual(chosen(facts({ quests: [quest('FREE', 0), quest('A01', 1)] })), ['A01', 'not_tried_yet']);
  });

  test('when yesterday’s quest is the only one left, it is chosen again rather than nothing', () => {
    assert.deepEqual(chosen(facts({ quests: [quest('A01', 1)], yesterdayCode: 'A01' })), ['A01', 'not_tried_yet']);
  });

  test('weakest area counts only the last five analyses', () => {
    // Newest first: in the last five, slow_down and reduce_fillers come first twice each (the tie goes to the most
    // recent, slow_down); the sixth, older analysis would make reduce_fillers win if it were counted.
    const recentTopActions = ['slow_down', 'reduce_fillers', 'slow_down', 'reduce_fillers', 'vary_terms', 'reduce_fillers'];
    const choice = chooseDailyQuest(facts({ recentTopActions }));
    assert.deepEqual([choice.focusAction, choice.quest.code], ['slow_down', 'P01']);
  });

  test('the area that came first most often wins over the most recent one', () => {
    const choice = chooseDailyQuest(facts({ recentTopActions: ['slow_down', 'reduce_fillers', 'reduce_fillers'] }));
    assert.deepEqual([choice.focusAction, choice.quest.code, choice.reason], ['reduce_fillers', 'F01', 'weakest_area']);
  });

  test('a weak area whose quests are all ruled out falls through to the next step', () => {
    const choice = chooseDailyQuest(facts({ quests: ['A01', 'F01'].map(quest), recentTopActions: ['reduce_fillers'], yesterdayCode: 'F01' }));
    assert.deepEqual([choice.quest.code, choice.reason, choice.focusAction], ['A01', 'not_tried_yet', null]);
  });

  test('when every quest was tried, the one tried longest ago is chosen, wherever it sits in the catalogue', () => {
    const lastAttemptAt = new Map([
      ['A01', '2026-11-20T09:00:00.000Z'],
      ['F01', '2026-11-22T09:00:00.000Z'],
      ['P01', '2026-11-18T09:00:00.000Z'],
      ['D01', '2026-11-19T09:00:00.000Z'],
    ]);
    assert.deepEqual(chosen(facts({ lastAttemptAt })), ['P01', 'least_recent']);
  });

  test('quests last tried at the same instant are taken in catalogue order', () => {
    const at = '2026-11-20T09:00:00.000Z';
    const lastAttemptAt = new Map([
      ['A01', '2026-11-21T09:00:00.000Z'],
      ['F01', at],
      ['P01', at],
      ['D01', at],
    ]);
    assert.deepEqual(chosen(facts({ lastAttemptAt })), ['F01', 'least_recent']);
  });
});
