import { createMemo, deleteMemo, listMemos, renameMemo, turnMemoIntoRun } from '../core/memo/index.js';
import { defineCommand } from './registry.js';

export const memoCreate = defineCommand({
  name: 'memo_create',
  handler: ({ store }, { profileId, audioArtifactId, title }) => ({ memo: createMemo(store, profileId, { audioArtifactId, title }) }),
});

export const memoList = defineCommand({
  name: 'memo_list',
  handler: ({ store }, { profileId, limit }) => ({ memos: listMemos(store, profileId, limit) }),
});

export const memoRename = defineCommand({
  name: 'memo_rename',
  handler: ({ store }, { profileId, memoId, title }) => ({ memo: renameMemo(store, profileId, memoId, title) }),
});

export const memoDelete = defineCommand({
  name: 'memo_delete',
  handler: ({ store }, { profileId, memoId }) => deleteMemo(store, profileId, memoId),
});

export const memoToRun = defineCommand({
  name: 'memo_to_run',
  handler: ({ store }, { profileId, memoId, projectId }) => ({ run: turnMemoIntoRun(store, profileId, memoId, projectId) }),
});

export const MEMO_COMMANDS = [memoCreate, memoList, memoRename, memoDelete, memoToRun];
