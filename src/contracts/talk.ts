import { z } from 'zod';

export const TalkStageSchema = z.enum(['draft', 'builder', 'train', 'export', 'peer_review']);

export const ProjectSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    audience: z.string().nullable(),
    goal: z.string().nullable(),
    durationTargetSec: z.number().int().positive().nullable(),
    talkNumber: z.number().int().positive().nullable(),
    stage: TalkStageSchema,
    isTraining: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();

export const ProjectListItemSchema = ProjectSchema.extend({ isActive: z.boolean() }).strict();

const Id = z.string().max(100);
const Text = z.string().max(100_000);

/** Talk fields a speaker sets; the server trims, checks lengths and refuses what does not fit (see the runbook codes). */
const ProjectFields = {
  audience: Text.nullable().optional(),
  goal: Text.nullable().optional(),
  durationTargetSec: z.number().nullable().optional(),
};

export const ProjectCreatePayloadSchema = z
  .object({ profileId: Id, project: z.object({ title: Text, ...ProjectFields }).strict() })
  .strict();
export const ProjectUpdatePayloadSchema = z
  .object({
    profileId: Id,
    projectId: Id,
    changes: z.object({ title: Text.optional(), stage: z.string().max(40).optional(), ...ProjectFields }).strict(),
  })
  .strict();
export const ProjectResultSchema = z.object({ project: ProjectSchema }).strict();
export const ProjectOrNullResultSchema = z.object({ project: ProjectSchema.nullable() }).strict();

export const ProfileOnlyPayloadSchema = z.object({ profileId: Id }).strict();
export const ProjectRefPayloadSchema = z.object({ profileId: Id, projectId: Id }).strict();
export const ProjectListResultSchema = z.object({ projects: z.array(ProjectListItemSchema) }).strict();

export const OutlineSchema = z.object({ projectId: z.string(), markdown: z.string(), updatedAt: z.string().nullable() }).strict();
export const OutlineResultSchema = z.object({ outline: OutlineSchema }).strict();
export const OutlineSetPayloadSchema = z.object({ profileId: Id, projectId: Id, markdown: z.string().max(1_000_000) }).strict();
export const OutlineExportResultSchema = z.object({ fileName: z.string(), markdown: z.string() }).strict();
