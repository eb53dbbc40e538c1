/**
 * Every hot query of the app, with the index it must use. "Hot" means run on every page or growing with use: a full
 * scan of these tables gets slower every week a speaker practises. The query-plan guard runs EXPLAIN QUERY PLAN on each
 * and matches the plan by fragments (`USING INDEX <name>`, `USING COVERING INDEX <name>`), never by whole strings.
 *
 * Entries import the real SQL from core/<ctx>/queries.ts where that context exists; the others state the access
 * pattern the schema promises for contexts still to come, and must be replaced by their real query when it lands.
 */
import * as feedback from '../../src/core/feedback/queries.js';
import * as quest from '../../src/core/quest/queries.js';
import * as run from '../../src/core/run/queries.js';
import * as talk from '../../src/core/talk/queries.js';
import * as workspace from '../../src/core/workspace/queries.js';

export interface HotQuery {
  name: string;
  scope: 'global' | 'profile';
  sql: string;
  /** Index the plan must name. `PRIMARY KEY` lookups are checked with `USING INTEGER PRIMARY KEY` or the autoindex. */
  index: string;
  /** Tables whose rows grow with use: the plan may never SCAN them in full. */
  growing: string[];
}

export const HOT_QUERIES: readonly HotQuery[] = [
  {
    name: 'profile list by creation',
    scope: 'global',
    sql: workspace.SELECT_PROFILES_BY_CREATION,
    index: 'idx_profiles_created',
    growing: [],
  },
  {
    name: 'active profile',
    scope: 'global',
    sql: 'SELECT id FROM profiles WHERE is_active = 1',
    index: 'idx_profiles_one_active',
    growing: [],
  },
  {
    name: 'profile by name (uniqueness check)',
    scope: 'global',
    sql: workspace.SELECT_PROFILE_ID_BY_NAME_KEY,
    index: 'idx_profiles_name_key',
    growing: [],
  },
  {
    name: 'recovery events of a profile, newest first',
    scope: 'global',
    sql: 'SELECT * FROM recovery_events WHERE profile_id = ? ORDER BY detected_at DESC LIMIT 20',
    index: 'idx_recovery_events_profile_detected',
    growing: ['recovery_events'],
  },
  {
    name: 'talk list, most recently updated first',
    scope: 'profile',
    sql: talk.SELECT_TALKS_BY_UPDATE,
    index: 'idx_talk_projects_training_updated',
    growing: ['talk_projects'],
  },
  {
    name: 'runs of a talk, newest first, with their current feedback',
    scope: 'profile',
    sql: run.SELECT_RUNS_OF_PROJECT,
    index: 'idx_runs_project_time',
    growing: ['runs', 'auto_feedback'],
  },
  {
    name: 'current feedback inside a run lookup',
    scope: 'profile',
    sql: run.SELECT_RUNS_OF_PROJECT,
    index: 'idx_feedback_run_time',
    growing: ['runs', 'auto_feedback'],
  },
  {
    name: 'quest attempts of a talk, newest first',
    scope: 'profile',
    sql: quest.SELECT_ATTEMPTS_OF_PROJECT,
    index: 'idx_attempts_project_time',
    growing: ['quest_attempts'],
  },
  {
    name: 'attempt of a recording (upsert by audio)',
    scope: 'profile',
    sql: quest.SELECT_ATTEMPT_BY_AUDIO,
    index: 'idx_attempts_audio',
    growing: ['quest_attempts'],
  },
  {
    name: 'current feedback of a run',
    scope: 'profile',
    sql: 'SELECT * FROM auto_feedback WHERE run_id = ? ORDER BY created_at DESC LIMIT 1',
    index: 'idx_feedback_run_time',
    growing: ['auto_feedback'],
  },
  {
    name: 'current feedback of an attempt',
    scope: 'profile',
    sql: 'SELECT * FROM auto_feedback WHERE attempt_id = ? ORDER BY created_at DESC LIMIT 1',
    index: 'idx_feedback_attempt_time',
    growing: ['auto_feedback'],
  },
  {
    name: 'feedback timeline, newest first',
    scope: 'profile',
    sql: feedback.SELECT_TIMELINE,
    index: 'idx_feedback_created',
    growing: ['auto_feedback'],
  },
  {
    name: 'peer reviews of a run',
    scope: 'profile',
    sql: 'SELECT * FROM peer_reviews WHERE run_id = ? ORDER BY created_at DESC',
    index: 'idx_peer_reviews_run_time',
    growing: ['peer_reviews'],
  },
  {
    name: 'artifact by content hash (dedupe)',
    scope: 'profile',
    sql: 'SELECT id FROM artifacts WHERE sha256 = ?',
    index: 'idx_artifacts_sha',
    growing: ['artifacts'],
  },
  {
    name: 'artifacts of a type by age (orphan sweep)',
    scope: 'profile',
    sql: 'SELECT id, local_relpath FROM artifacts WHERE type = ? AND created_at < ?',
    index: 'idx_artifacts_type_created',
    growing: ['artifacts'],
  },
];
