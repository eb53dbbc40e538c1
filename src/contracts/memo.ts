import { z } from 'zod';
import { RunSchema } from './run.js';

const Id = z.string().max(100);
const Title = z.string().max(1000);

export const VoiceMemoSchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    audioArtifactId: z.string(),
    durationMs: z.number().int().nonnegative(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();

export const MemoCreatePayloadSchema = z.object({ profileId: Id, audioArtifactId: Id, title: Title.nullable().optional() }).strict();
export const MemoListPayloadSchema = z.object({ profileId: Id, limit: z.number().optional() }).strict();
export const MemoRefPayloadSchema = z.object({ profileId: Id, memoId: Id }).strict();
export const MemoRenamePayloadSchema = z.object({ profileId: Id, memoId: Id, title: Title }).strict();
export const MemoToRunPayloadSchema = z.object({ profileId: Id, memoId: Id, projectId: Id }).strict();

export const MemoResultSchema = z.object({ memo: VoiceMemoSchema }).strict();
export const MemoListResultSchema = z.object({ memos: z.array(VoiceMemoSchema) }).strict();
export const MemoDeleteResultSchema = z.object({ deletedFiles: z.number().int().nonnegative() }).strict();
export const MemoToRunResultSchema = z.object({ run: RunSchema }).strict();
