import { prepared } from '../../platform/db/prepared.js';
import type { Database } from 'better-sqlite3';
import * as q from './queries.js';
import type { TrendRow } from './types.js';

export interface SessionRow {
  createdAt: string;
  kind: 'attempt' | 'run';
  hasFeedback: number;
}

export function listSessionsOfProject(db: Database, projectId: string): SessionRow[] {
  return prepared(db, q.SELECT_SESSIONS_OF_PROJECT).all({ projectId }) as SessionRow[];
}

/** Lazily, newest first: the caller stops when it has read enough. */
export function sessionTimesNewestFirst(db: Database): IterableIterator<{ createdAt: string }> {
  return db.prepare(q.SELECT_SESSION_TIMES_NEWEST_FIRST).iterate() as IterableIterator<{ createdAt: string }>;
}

export interface SessionTotals {
  attempts: number;
  runs: number;
  attemptsWithFeedback: number;
  runsWithFeedback: number;
}

export function countSessionsOfProfile(db: Database): SessionTotals {
  return prepared(db, q.COUNT_SESSIONS_OF_PROFILE).get() as SessionTotals;
}

export function listTrends(db: Database, projectId: string | null): TrendRow[] {
  return projectId === null
    ? (prepared(db, q.SELECT_TRENDS_OF_PROFILE).all() as TrendRow[])
    : (prepared(db, q.SELECT_TRENDS_OF_PROJECT).all({ projectId }) as TrendRow[]);
}

export function outlineLength(db: Database, projectId: string): number {
  return (prepared(db, q.SELECT_OUTLINE_LENGTH).get(projectId) as { n: number } | undefined)?.n ?? 0;
}

export function countUnopenedFeedbackSince(db: Database, since: string): number {
  return (prepared(db, q.COUNT_UNOPENED_FEEDBACK_SINCE).get(since) as { n: number }).n;
}
