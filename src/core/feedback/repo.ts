import { prepared } from '../../platform/db/prepared.js';
import type { Database } from 'better-sqlite3';
import type { UtcTimestamp } from '../../kernel/time.js';
import * as q from './queries.js';

/** The numbers of an analysis its row carries, so that charts need not open its file (see key-metrics.ts). */
export interface KeyMetrics {
  durationMs: number | null;
  wpm: number | null;
  fillersPerMin: number | null;
  topActionId: string | null;
  pauses: number | null;
  longPauses: number | null;
  pitchVariabilitySemitones: number | null;
  wpmWholeRun: number | null;
}

export interface FeedbackRowInsert extends KeyMetrics {
  id: string;
  runId: string | null;
  attemptId: string | null;
  createdAt: UtcTimestamp;
  artifactId: string;
  overallScore: number;
  analyzerVersion: number;
}

export interface FeedbackRow {
  id: string;
  runId: string | null;
  attemptId: string | null;
  artifactId: string;
  projectId: string;
  questCode: string | null;
}

export interface TimelineRow {
  id: string;
  createdAt: string;
  overallScore: number;
  runId: string | null;
  attemptId: string | null;
  questCode: string | null;
  noteUpdatedAt: string | null;
  openedAt: string | null;
  projectId: string;
}

export function insertFeedback(db: Database, row: FeedbackRowInsert): void {
  prepared(db, q.INSERT_FEEDBACK).run(row);
}

export function keyMetricsPending(db: Database, limit: number): { id: string; artifactId: string }[] {
  return prepared(db, q.SELECT_KEY_METRICS_PENDING).all(limit) as { id: string; artifactId: string }[];
}

export function fillKeyMetrics(db: Database, id: string, metrics: KeyMetrics): void {
  prepared(db, q.UPDATE_KEY_METRICS).run({ id, ...metrics });
}

export function findFeedback(db: Database, feedbackId: string): FeedbackRow | null {
  return (prepared(db, q.SELECT_FEEDBACK_ROW).get(feedbackId) as FeedbackRow | undefined) ?? null;
}

export interface FeedbackNumbers {
  feedbackId: string;
  overallScore: number;
  durationMs: number | null;
  wpm: number | null;
}

export function feedbackNumbers(db: Database, feedbackIds: readonly string[]): FeedbackNumbers[] {
  return db.prepare(q.SELECT_FEEDBACK_NUMBERS).all(JSON.stringify(feedbackIds)) as FeedbackNumbers[];
}

export function timeline(db: Database, projectId: string | null, limit: number): TimelineRow[] {
  return projectId === null
    ? (prepared(db, q.SELECT_TIMELINE).all(limit) as TimelineRow[])
    : (prepared(db, q.SELECT_TIMELINE_OF_PROJECT).all({ projectId, limit }) as TimelineRow[]);
}

export function findNote(db: Database, feedbackId: string): { text: string; updatedAt: string } | null {
  return (prepared(db, q.SELECT_NOTE).get(feedbackId) as { text: string; updatedAt: string } | undefined) ?? null;
}

export function saveNote(db: Database, feedbackId: string, text: string | null, now: UtcTimestamp): void {
  if (text === null) prepared(db, q.DELETE_NOTE).run(feedbackId);
  else prepared(db, q.UPSERT_NOTE).run(feedbackId, text, now);
}

/** Marks a feedback opened now unless it already was; returns when it was first opened. */
export function markOpened(db: Database, feedbackId: string, now: UtcTimestamp): UtcTimestamp {
  prepared(db, q.MARK_FEEDBACK_OPENED).run(now, feedbackId);
  return (prepared(db, q.SELECT_FEEDBACK_OPENED_AT).get(feedbackId) as { openedAt: UtcTimestamp }).openedAt;
}

/** Deletes every analysis of a run (and their notes); answers the ids of their files' artifacts, for the caller to delete. */
export function deleteRunFeedback(db: Database, runId: string): string[] {
  return (prepared(db, q.DELETE_FEEDBACK_OF_RUN).all(runId) as Array<{ artifactId: string }>).map((row) => row.artifactId);
}
