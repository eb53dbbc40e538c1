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
  const row = db.prepare(q.SELECT_PROJECT).get(projectId) as ProjectRow | undefined;
  return row ? toProject(row) : null;
}

export function listTalks(db: Database): Project[] {
  return (db.prepare(q.SELECT_TALKS_BY_UPDATE).all() as ProjectRow[]).map(toProject);
}

export function findTrainingProject(db: Database): Project | null {
  const row = db.prepare(q.SELECT_TRAINING_PROJECT).get() as ProjectRow | undefined;
  return row ? toProject(row) : null;
}

export function nextTalkNumber(db: Database): number {
  return (db.prepare(q.SELECT_NEXT_TALK_NUMBER).get() as { next: number }).next;
}

export function insertProject(db: Database, project: Project): void {
  db.prepare(q.INSERT_PROJECT).run({ ...project, isTraining: project.isTraining ? 1 : 0 });
}

export function updateProject(db: Database, project: Project): void {
  db.prepare(q.UPDATE_PROJECT).run(project);
}

export function touchProject(db: Database, projectId: string, now: UtcTimestamp): void {
  db.prepare(q.TOUCH_PROJECT).run(now, projectId);
}

export function activeProjectId(db: Database): string | null {
  return (db.prepare(q.SELECT_ACTIVE_PROJECT_ID).get() as { id: string | null } | undefined)?.id ?? null;
}

export function setActiveProject(db: Database, projectId: string | null): void {
  db.prepare(q.SET_ACTIVE_PROJECT).run(projectId);
}

export function findOutline(db: Database, projectId: string): { markdown: string; updatedAt: string } | null {
  return (db.prepare(q.SELECT_OUTLINE).get(projectId) as { markdown: string; updatedAt: string } | undefined) ?? null;
}

export function upsertOutline(db: Database, projectId: string, markdown: string, now: UtcTimestamp): void {
  db.prepare(q.UPSERT_OUTLINE).run(projectId, markdown, now, now);
}
