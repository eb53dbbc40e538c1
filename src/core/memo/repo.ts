import type { Database } from 'better-sqlite3';
import type { UtcTimestamp } from '../../kernel/time.js';
import * as q from './queries.js';
import type { VoiceMemo } from './types.js';

export function findMemo(db: Database, memoId: string): VoiceMemo | null {
  return (db.prepare(q.SELECT_MEMO).get(memoId) as VoiceMemo | undefined) ?? null;
}

export function listMemos(db: Database, limit: number): VoiceMemo[] {
  return db.prepare(q.SELECT_MEMOS_NEWEST_FIRST).all(limit) as VoiceMemo[];
}

export function insertMemo(db: Database, memo: Omit<VoiceMemo, 'updatedAt'>): void {
  db.prepare(q.INSERT_MEMO).run(memo);
}

export function renameMemo(db: Database, memoId: string, title: string, now: UtcTimestamp): void {
  db.prepare(q.RENAME_MEMO).run(title, now, memoId);
}

export function deleteMemoRow(db: Database, memoId: string): void {
  db.prepare(q.DELETE_MEMO).run(memoId);
}
