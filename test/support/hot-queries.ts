/**
 * Every hot query of the app, with the index it must use. "Hot" means run on every page or growing with use: a full
 * scan of these tables gets slower every week a speaker practises. The query-plan guard runs EXPLAIN QUERY PLAN on each
 * and matches the plan by fragments (`USING INDEX <name>`, `USING COVERING INDEX <name>`), never by whole strings.
 *
 * Every entry is the real SQL constant the app runs (the guard checks it was prepared during a working session), never
 * a hand-written look-alike. Beyond this list, the guard checks every statement the app runs for full scans of growing
 * tables; DELIBERATE_FULL_READS are the exceptions, each with its reason.
 */
import * as coach from '../../src/core/coach/queries.js';
import * as exchange from '../../src/core/exchange/queries.js';
import * as feedback from '../../src/core/feedback/queries.js';
import * as quest from '../../src/core/quest/queries.js';
import * as run from '../../src/core/run/queries.js';
import * as talk from '../../src/core/talk/queries.js';
import * as workspace from '../../src/core/workspace/queries.js';
import * as artifactRows from '../../src/platform/db/artifact-rows.js';
import * as recovery from '../../src/platform/db/recovery/recovery-events.js';

export interface HotQuery {
  name: string;
  scope: 'global' | 'profile';
  sql: string;
  /** Index the plan must name. */
  index: string;
  /** Why an in-memory sort is acceptable (it only ever sorts one talk's rows); absent: the index must give the order. */
  sortsInMemory?: string;
}

export const HOT_QUERIES: readonly HotQuery[] = [
  { name: 'profile list by creation', scope: 'global', sql: workspace.SELECT_PROFILES_BY_CREATION, index: 'idx_profiles_created' },
  { name: 'the active profile is switched off', scope: 'global', sql: workspace.DEACTIVATE_ALL_PROFILES, index: 'idx_profiles_one_active' },
  { name: 'profile by name (uniqueness check)', scope: 'global', sql: workspace.SELECT_PROFILE_ID_BY_NAME_KEY, index: 'idx_profiles_name_key' },
  {
    name: 'recovery events of a profile, newest first',
    scope: 'global',
    sql: recovery.SELECT_EVENTS_OF_PROFILE,
    index: 'idx_recovery_events_profile_detected',
  },
  { name: 'talk list, most recently updated first', scope: 'profile', sql: talk.SELECT_TALKS_BY_UPDATE, index: 'idx_talk_projects_training_updated' },
  { name: 'runs of a talk, newest first', scope: 'profile', sql: run.SELECT_RUNS_OF_PROJECT, index: 'idx_runs_project_time' },
  { name: 'current feedback inside a run lookup', scope: 'profile', sql: run.SELECT_RUNS_OF_PROJECT, index: 'idx_feedback_run_time' },
  { name: 'quest attempts of a talk, newest first', scope: 'profile', sql: quest.SELECT_ATTEMPTS_OF_PROJECT, index: 'idx_attempts_project_time' },
  { name: 'current feedback inside an attempt lookup', scope: 'profile', sql: quest.SELECT_ATTEMPTS_OF_PROJECT, index: 'idx_feedback_attempt_time' },
  { name: 'attempt of a recording (upsert by audio)', scope: 'profile', sql: quest.SELECT_ATTEMPT_BY_AUDIO, index: 'idx_attempts_audio' },
  { name: 'feedback timeline, newest first', scope: 'profile', sql: feedback.SELECT_TIMELINE, index: 'idx_feedback_created' },
  {
    name: 'peer reviews of a talk',
    scope: 'profile',
    sql: exchange.SELECT_PEER_REVIEWS_OF_PROJECT,
    index: 'idx_peer_reviews_run_time',
    sortsInMemory: 'reviews reach a talk through its runs; only that talk’s reviews are sorted',
  },
  { name: 'practice sessions of a talk (Training view)', scope: 'profile', sql: coach.SELECT_SESSIONS_OF_PROJECT, index: 'idx_attempts_project_time' },
  { name: 'practice since the last run (daily quest)', scope: 'profile', sql: quest.COUNT_ATTEMPTS_SINCE_LAST_RUN, index: 'idx_attempts_created' },
];

/** Statements that read every row of a growing table on purpose, with why they must. */
export interface DeliberateFullRead {
  sql: string;
  tables: string[];
  why: string;
}

export const DELIBERATE_FULL_READS: readonly DeliberateFullRead[] = [
  {
    sql: coach.SELECT_SESSION_TIMES_NEWEST_FIRST,
    tables: ['quest_attempts', 'runs'],
    why: 'walked newest first through the created_at indexes and stopped by the caller once the streak and the week are known',
  },
  {
    sql: coach.COUNT_SESSIONS_OF_PROFILE,
    tables: ['quest_attempts', 'runs', 'talk_projects', 'auto_feedback'],
    why: 'profile-wide totals (sessions, feedback ready): counted from covering indexes, no row read, no per-row subquery',
  },
  {
    sql: coach.SELECT_TRENDS_OF_PROFILE,
    tables: ['auto_feedback'],
    why: 'the progress charts plot every analysis of the profile, oldest first through idx_feedback_created',
  },
  {
    sql: artifactRows.SELECT_RELPATHS,
    tables: ['artifacts'],
    why: 'the orphan sweep at a profile’s first open compares every stored file with every artifact row',
  },
];
