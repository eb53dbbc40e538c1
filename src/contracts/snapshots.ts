import { z } from 'zod';

const ProfileIdPayloadSchema = z.object({ profileId: z.string().optional() }).strict();

export const SnapshotSummarySchema = z
  .object({
    name: z.string(),
    scope: z.enum(['global', 'profile']),
    createdAt: z.string(),
    reason: z.enum(['pre-migration', 'scheduled', 'manual', 'pre-restore']),
    schemaVersion: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative().nullable(),
    verified: z.boolean().nullable(),
  })
  .strict();

export const DbSnapshotCreatePayloadSchema = ProfileIdPayloadSchema;
export const DbSnapshotCreateResultSchema = z.object({ snapshot: SnapshotSummarySchema }).strict();

export const RecoveryEventSchema = z
  .object({
    id: z.string(),
    scope: z.enum(['global', 'profile']),
    profileId: z.string().nullable(),
    reason: z.string(),
    outcome: z.enum(['journal_set_aside', 'restored', 'no_snapshot', 'operator_restore', 'operator_reset']),
    detectedAt: z.string(),
    snapshotName: z.string().nullable(),
    snapshotCreatedAt: z.string().nullable(),
    quarantineName: z.string().nullable(),
    notice: z.string(),
  })
  .strict();

export const DbRecoveryEventsListPayloadSchema = ProfileIdPayloadSchema;
export const DbRecoveryEventsListResultSchema = z.object({ events: z.array(RecoveryEventSchema) }).strict();
