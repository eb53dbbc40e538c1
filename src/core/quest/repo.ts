import { prepared } from '../../platform/db/prepared.js';
import type { Database } from 'better-sqlite3';
import * as q from './queries.js';
import type { Locale, Quest, QuestAttempt } from './types.js';

interface QuestRow {
  code: string;
  category: Quest['category'];
  outputType: Quest['outputType'];
  estimatedSec: number;
  targetsIssuesJson: string;
  titleEn: string;
  titleFr: string;
  promptEn: string;
  promptFr: string;
  sortOrder: number;
}

function toQuest(row: QuestRow, locale: Locale): Quest {
  return {
    code: row.code,
    category: row.category,
    outputType: row.outputType,
    estimatedSec: row.estimatedSec,
    targetsIssues: JSON.parse(row.targetsIssuesJson) as string[],
    title: locale === 'fr' ? row.titleFr : row.titleEn,
    prompt: locale === 'fr' ? row.promptFr : row.promptEn,
    sortOrder: row.sortOrder,
  };
}

export function listQuests(db: Database, locale: Locale): Quest[] {
  return (prepared(db, q.SELECT_ACTIVE_QUESTS).all() as QuestRow[]).map((row) => toQuest(row, locale));
}

export function findQuest(db: Database, code: string, locale: Locale): Quest | null {
  const row = prepared(db, q.SELECT_QUEST).get(code) as QuestRow | undefined;
  return row ? toQuest(row, locale) : null;
}

export function findAttempt(db: Database, attemptId: string): QuestAttempt | null {
  return (prepared(db, q.SELECT_ATTEMPT).get(attemptId) as QuestAttempt | undefined) ?? null;
}

export function findAttemptByAudio(db: Database, audioArtifactId: string): QuestAttempt | null {
  return (prepared(db, q.SELECT_ATTEMPT_BY_AUDIO).get(audioArtifactId) as QuestAttempt | undefined) ?? null;
}

export function listAttempts(db: Database, projectId: string, limit: number): QuestAttempt[] {
  return prepared(db, q.SELECT_ATTEMPTS_OF_PROJECT).all(projectId, limit) as QuestAttempt[];
}

export function latestAttemptPerQuest(db: Database, projectId: string): QuestAttempt[] {
  return prepared(db, q.SELECT_LATEST_ATTEMPT_PER_QUEST).all(projectId) as QuestAttempt[];
}

export function insertAttempt(db: Database, attempt: Omit<QuestAttempt, 'feedbackId'>): void {
  prepared(db, q.INSERT_ATTEMPT).run(attempt);
}

export function setAttemptTranscript(db: Database, attemptId: string, transcriptId: string): void {
  prepared(db, q.SET_ATTEMPT_TRANSCRIPT).run(transcriptId, attemptId);
}

export function recentTopActions(db: Database, limit: number): Array<string | null> {
  return (prepared(db, q.SELECT_RECENT_TOP_ACTIONS).all(limit) as Array<{ actionId: string | null }>).map((row) => row.actionId);
}

export function lastAttemptPerQuest(db: Database, projectId: string): Map<string, string> {
  const rows = prepared(db, q.SELECT_LAST_ATTEMPT_PER_QUEST).all(projectId) as Array<{ questCode: string; lastAt: string }>;
  return new Map(rows.map((row) => [row.questCode, row.lastAt]));
}

export function attemptsSinceLastRun(db: Database): number {
  return (prepared(db, q.COUNT_ATTEMPTS_SINCE_LAST_RUN).get() as { n: number }).n;
}
