import { z } from 'zod';

export const ProfileSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastOpenedAt: z.string().nullable(),
    isActive: z.boolean(),
  })
  .strict();

export const ProfileSummarySchema = ProfileSchema.extend({
  sizeBytes: z.number().int().nonnegative(),
  talkCount: z.number().int().nonnegative().nullable(),
  problem: z.string().nullable(),
}).strict();

const ProfileIdField = z.string().max(100);
const ProfileNameField = z.string().max(1000);

export const ProfileListPayloadSchema = z.object({}).strict();
export const ProfileListResultSchema = z.object({ profiles: z.array(ProfileSummarySchema) }).strict();

export const ProfileCreatePayloadSchema = z.object({ name: ProfileNameField }).strict();
export const ProfileSwitchPayloadSchema = z.object({ profileId: ProfileIdField }).strict();
export const ProfileRenamePayloadSchema = z.object({ profileId: ProfileIdField, name: ProfileNameField }).strict();
export const ProfileResultSchema = z.object({ profile: ProfileSchema }).strict();

export const ProfileDeletePayloadSchema = z.object({ profileId: ProfileIdField }).strict();
export const ProfileDeleteResultSchema = z.object({ activeProfileId: z.string().nullable() }).strict();

export const ProfileAdoptUnlistedPayloadSchema = z.object({}).strict();
export const ProfileAdoptUnlistedResultSchema = z.object({ adopted: z.array(ProfileSchema) }).strict();
