import { prepared } from '../../platform/db/prepared.js';
import type { Database } from 'better-sqlite3';
import type { UtcTimestamp } from '../../kernel/time.js';
import * as q from './queries.js';
import type { Project, TalkStage } from './types.js';

interface ProjectRow {
  id: string;
  title: string;
  audience: string | null;
  goal: string | null;
  duration_target_sec: number | null;
  talk_number: number | null;
  stage: TalkStage;
  is_training: number;
  created_at: string;
  updated_at: string;
}

function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    title: row.title,
    audience: row.audience,
    goal: row.goal,
    durationTargetSec: row.duration_target_sec,
    talkNumber: row.talk_number,
    stage: row.stage,
    isTraining: row.is_training === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findProject(db: Database, projectId: string): Project | null {
  const row = prepared(db, q.SELECT_PROJECT).get(projectId) as ProjectRow | undefined;
  return row ? toProject(row) : null;
}

export function listTalks(db: Database): Project[] {
  return (prepared(db, q.SELECT_TALKS_BY_UPDATE).all() as ProjectRow[]).map(toProject);
}

export function findTrainingProject(db: Database): Project | null {
  const row = prepared(db, q.SELECT_TRAINING_PROJECT).get() as ProjectRow | undefined;
  return row ? toProject(row) : null;
}

export function nextTalkNumber(db: Database): number {
  return (prepared(db, q.SELECT_NEXT_TALK_NUMBER).get() as { next: number }).next;
}

export function insertProject(db: Database, project: Project): void {
  prepared(db, q.INSERT_PROJECT).run({ ...project, isTraining: project.isTraining ? 1 : 0 });
}

export function updateProject(db: Database, project: Project): void {
  prepared(db, q.UPDATE_PROJECT).run(project);
}

export function touchProject(db: Database, projectId: string, now: UtcTimestamp): void {
  prepared(db, q.TOUCH_PROJECT).run(now, projectId);
}

export function activeProjectId(db: Database): string | null {
  return (prepared(db, q.SELECT_ACTIVE_PROJECT_ID).get() as { id: string | null } | undefined)?.id ?? null;
}

export function setActiveProject(db: Database, projectId: string | null): void {
  prepared(db, q.SET_ACTIVE_PROJECT).run(projectId);
}

export function findOutline(db: Database, projectId: string): { markdown: string; updatedAt: string } | null {
  return (prepared(db, q.SELECT_OUTLINE).get(projectId) as { markdown: string; updatedAt: string } | undefined) ?? null;
}

export function upsertOutline(db: Database, projectId: string, markdown: string, now: UtcTimestamp): void {
  prepared(db, q.UPSERT_OUTLINE).run(projectId, markdown, now, now);
}
