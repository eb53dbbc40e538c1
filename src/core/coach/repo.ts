import type { Database } from 'better-sqlite3';
import * as q from './queries.js';
import type { TrendPoint } from './types.js';

export interface SessionRow {
  createdAt: string;
  kind: 'attempt' | 'run';
  hasFeedback: number;
}

export function listSessions(db: Database, projectId: string | null): SessionRow[] {
  return db.prepare(q.SELECT_SESSIONS).all({ projectId }) as SessionRow[];
}

export function listTrends(db: Database, projectId: string | null): TrendPoint[] {
  return projectId === null
    ? (db.prepare(q.SELECT_TRENDS_OF_PROFILE).all() as TrendPoint[])
    : (db.prepare(q.SELECT_TRENDS_OF_PROJECT).all({ projectId }) as TrendPoint[]);
}

export function outlineLength(db: Database, projectId: string): number {
  return (db.prepare(q.SELECT_OUTLINE_LENGTH).get(projectId) as { n: number } | undefined)?.n ?? 0;
}
