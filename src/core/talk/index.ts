import type { Database } from 'better-sqlite3';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { nowUtc } from '../../kernel/time.js';
import type { ProfileSession } from '../workspace/index.js';
import { outlineFileName, outlineTemplate } from './outline-template.js';
import { checkedChanges } from './project-rules.js';
import * as repo from './repo.js';
import type { Outline, Project, ProjectChanges, ProjectListItem } from './types.js';

export type * from './types.js';

/** Row-level steps for a write that spans contexts in one transaction (a pack import creates a talk with its outline). */
export { insertProject, nextTalkNumber, upsertOutline } from './repo.js';
export { outlineFileName } from './outline-template.js';

/** 200 KiB of markdown is a book chapter: more is a paste gone wrong. */
export const OUTLINE_MAX_BYTES = 200 * 1024;
const TRAINING_TITLE = 'Training';

/** Creates a talk (stage draft, the next talk number) and makes it the active one, in one transaction. */
export function createProject(session: ProfileSession, input: ProjectChanges & { title: string }): Project {
  const db = session.db;
  const fields = checkedChanges({ ...input, stage: undefined });
  const now = nowUtc(session.clock);
  return db
    .transaction(() => {
      const project: Project = {
        id: newId('proj'),
        title: fields.title!,
        audience: fields.audience ?? null,
        goal: fields.goal ?? null,
        durationTargetSec: fields.durationTargetSec ?? null,
        talkNumber: repo.nextTalkNumber(db),
        stage: 'draft',
        isTraining: false,
        createdAt: now,
        updatedAt: now,
      };
      repo.insertProject(db, project);
      repo.setActiveProject(db, project.id);
      return project;
    })
    .immediate();
}

export function updateProject(session: ProfileSession, projectId: string, changes: ProjectChanges): Project {
  const db = session.db;
  const checked = checkedChanges(changes);
  return db
    .transaction(() => {
      const current = existingProject(db, projectId);
      const updated: Project = { ...current, ...definedOnly(checked), updatedAt: nowUtc(session.clock) };
      repo.updateProject(db, updated);
      return updated;
    })
    .immediate();
}

/**
 * The talk the speaker works on: the active one when it is a real talk, else the most recently updated talk (which
 * then becomes active), else null. The hidden training talk is never "active" here.
 */
export function getActiveProject(session: ProfileSession): Project | null {
  const db = session.db;
  return db
    .transaction(() => {
      const activeId = repo.activeProjectId(db);
      const active = activeId ? repo.findProject(db, activeId) : null;
      if (active && !active.isTraining) return active;
      const latest = repo.listTalks(db)[0] ?? null;
      if (latest) repo.setActiveProject(db, latest.id);
      return latest;
    })
    .immediate();
}

export function listProjects(session: ProfileSession): ProjectListItem[] {
  const db = session.db;
  const activeId = repo.activeProjectId(db);
  return repo.listTalks(db).map((project) => ({ ...project, isActive: project.id === activeId }));
}

export function getProject(session: ProfileSession, projectId: string): Project {
  return existingProject(session.db, projectId);
}

export function setActiveProject(session: ProfileSession, projectId: string): Project {
  const db = session.db;
  return db
    .transaction(() => {
      const project = existingProject(db, projectId);
      if (project.isTraining) {
        throw new AppError('project_training_not_activatable', 'The training talk cannot be the active talk.');
      }
      repo.setActiveProject(db, projectId);
      return project;
    })
    .immediate();
}

/** The single hidden training talk that quests are practised on, created on first use. */
export function ensureTrainingProject(session: ProfileSession): Project {
  const db = session.db;
  return db
    .transaction(() => {
      const existing = repo.findTrainingProject(db);
      if (existing) return existing;
      const now = nowUtc(session.clock);
      const project: Project = {
        id: newId('proj'),
        title: TRAINING_TITLE,
        audience: null,
        goal: null,
        durationTargetSec: null,
        talkNumber: null,
        stage: 'draft',
        isTraining: true,
        createdAt: now,
        updatedAt: now,
      };
      repo.insertProject(db, project);
      return project;
    })
    .immediate();
}

/** The stored outline, or the template (updatedAt null) when none was saved yet. */
export function getOutline(session: ProfileSession, projectId: string): Outline {
  const db = session.db;
  const project = existingProject(db, projectId);
  const stored = repo.findOutline(db, projectId);
  return stored
    ? { projectId, markdown: stored.markdown, updatedAt: stored.updatedAt }
    : { projectId, markdown: outlineTemplate(project.title), updatedAt: null };
}

/** Saves the outline and bumps the talk's updatedAt, in one transaction. */
export function setOutline(session: ProfileSession, projectId: string, markdown: string): Outline {
  const db = session.db;
  if (new TextEncoder().encode(markdown).length > OUTLINE_MAX_BYTES) {
    throw new AppError('outline_too_large', `An outline holds at most ${OUTLINE_MAX_BYTES / 1024} KiB of text.`);
  }
  const now = nowUtc(session.clock);
  db.transaction(() => {
    existingProject(db, projectId);
    repo.upsertOutline(db, projectId, markdown, now);
    repo.touchProject(db, projectId, now);
  }).immediate();
  return { projectId, markdown, updatedAt: now };
}

/** The outline as a markdown file to download: a safe file name and the content; nothing is written on disk. */
export function exportOutline(session: ProfileSession, projectId: string): { fileName: string; markdown: string } {
  const outline = getOutline(session, projectId);
  const project = getProject(session, projectId);
  return { fileName: outlineFileName(project.title, project.talkNumber), markdown: outline.markdown };
}

export function existingProject(db: Database, projectId: string): Project {
  const project = repo.findProject(db, projectId);
  if (!project) throw new AppError('project_not_found', 'No talk with this id exists in this profile.');
  return project;
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

