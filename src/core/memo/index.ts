import type { Database } from 'better-sqlite3';
import { MEMO_TITLE_MAX, memoTitleProblem } from '../../contracts/memo-limits.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { clampLimit } from '../../kernel/list-limit.js';
import { nowUtc } from '../../kernel/time.js';
import { requireAudioMetrics } from '../audio/index.js';
import { existingRun, insertRun, isArtifactReferenced, setRunAudio, type Run } from '../run/index.js';
import { existingProject } from '../talk/index.js';
import type { ProfileSession } from '../workspace/index.js';
import * as repo from './repo.js';
import { MEMO_LIST_DEFAULT, MEMO_LIST_MAX, type VoiceMemo } from './types.js';

export type * from './types.js';

/**
 * Keeps a stored recording (from the audio upload) as a memo. The recording must be audio that nothing else uses yet
 * (a run, an attempt, another memo): a memo owns its recording and deletes it with itself.
 */
export function createMemo(session: ProfileSession, input: { audioArtifactId: string; title?: string | null }): VoiceMemo {
  const db = session.db;
  const artifacts = session.artifacts;
  const title = input.title === undefined || input.title === null ? null : checkedTitle(input.title);
  const id = newId('memo');
  db.transaction(() => {
    artifacts.getOfType(input.audioArtifactId, 'audio');
    if (isArtifactReferenced(db, input.audioArtifactId)) {
      throw new AppError('memo_audio_in_use', 'This recording already belongs to a run, an attempt or another memo.');
    }
    const { durationMs } = requireAudioMetrics(artifacts, input.audioArtifactId);
    repo.insertMemo(db, { id, title, audioArtifactId: input.audioArtifactId, durationMs, createdAt: nowUtc() });
  }).immediate();
  return repo.findMemo(db, id)!;
}

/** Newest first; the limit defaults to 50 and is clamped to 1..200. */
export function listMemos(session: ProfileSession, limit?: number): VoiceMemo[] {
  return repo.listMemos(session.db, clampLimit(limit, MEMO_LIST_DEFAULT, MEMO_LIST_MAX));
}

export function renameMemo(session: ProfileSession, memoId: string, rawTitle: string): VoiceMemo {
  const db = session.db;
  const title = checkedTitle(rawTitle);
  db.transaction(() => {
    existingMemo(db, memoId);
    repo.renameMemo(db, memoId, title, nowUtc());
  }).immediate();
  return repo.findMemo(db, memoId)!;
}

/**
 * Deletes a memo and its recording: both rows in one transaction, the file after the commit (a crash in between
 * leaves a file without a row, which the sweep at profile open sets aside). A recording something else also uses
 * (an attempt made from the same upload) keeps its row and file.
 */
export function deleteMemo(session: ProfileSession, memoId: string): { deletedFiles: number } {
  const db = session.db;
  const artifacts = session.artifacts;
  const removed = db
    .transaction(() => {
      const memo = existingMemo(db, memoId);
      repo.deleteMemoRow(db, memoId);
      return isArtifactReferenced(db, memo.audioArtifactId) ? [] : artifacts.deleteRows([memo.audioArtifactId]);
    })
    .immediate();
  artifacts.removeFiles(removed);
  return { deletedFiles: removed.length };
}

/**
 * Makes a memo a run of a talk, in one transaction: a new run dated when the memo was recorded takes the memo's
 * recording, and the memo's row goes. The file does not move (it is the same artifact); nothing is copied, and a
 * failure anywhere leaves the memo as it was and no run.
 */
export function turnMemoIntoRun(session: ProfileSession, memoId: string, projectId: string): Run {
  const db = session.db;
  const runId = newId('run');
  db.transaction(() => {
    const memo = existingMemo(db, memoId);
    existingProject(db, projectId);
    insertRun(db, { id: runId, projectId, createdAt: memo.createdAt });
    setRunAudio(db, runId, memo.audioArtifactId);
    repo.deleteMemoRow(db, memoId);
  }).immediate();
  return existingRun(db, runId);
}

function existingMemo(db: Database, memoId: string): VoiceMemo {
  const memo = repo.findMemo(db, memoId);
  if (!memo) throw new AppError('memo_not_found', 'No voice memo with this id exists in this profile.');
  return memo;
}

/** Trimmed, 1-120 characters: the shared rule of src/contracts/memo-limits.ts. */
function checkedTitle(raw: string): string {
  const problem = memoTitleProblem(raw);
  if (problem === 'memo_title_required') throw new AppError(problem, 'A memo’s name cannot be empty.');
  if (problem === 'memo_title_too_long') throw new AppError(problem, `A memo’s name may have at most ${MEMO_TITLE_MAX} characters.`);
  return raw.trim();
}
