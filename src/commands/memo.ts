import { createMemo, deleteMemo, listMemos, renameMemo, turnMemoIntoRun } from '../core/memo/index.js';
import { defineProfileCommand } from './registry.js';

export const memoCreate = defineProfileCommand({
  name: 'memo_create',
  handler: (session, { audioArtifactId, title }) => ({ memo: createMemo(session, { audioArtifactId, title }) }),
});

export const memoList = defineProfileCommand({
  name: 'memo_list',
  handler: (session, { limit }) => ({ memos: listMemos(session, limit) }),
});

export const memoRename = defineProfileCommand({
  name: 'memo_rename',
  handler: (session, { memoId, title }) => ({ memo: renameMemo(session, memoId, title) }),
});

export const memoDelete = defineProfileCommand({
  name: 'memo_delete',
  handler: (session, { memoId }) => deleteMemo(session, memoId),
});

export const memoToRun = defineProfileCommand({
  name: 'memo_to_run',
  handler: (session, { memoId, projectId }) => ({ run: turnMemoIntoRun(session, memoId, projectId) }),
});

export const MEMO_COMMANDS = [memoCreate, memoList, memoRename, memoDelete, memoToRun];
