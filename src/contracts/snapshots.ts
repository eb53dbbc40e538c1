import { z } from 'zod';

/**
 * Why a snapshot was taken: before an upgrade, on the schedule, on request, of the state a restore replaced, and of
 * the state a restore put in place. Each is its own retention class.
 */
export const SNAPSHOT_REASONS = ['pre-migration', 'scheduled', 'manual', 'pre-restore', 'post-restore'] as const;
export type SnapshotReason = (typeof SNAPSHOT_REASONS)[number];

/**
 * How a recovery ended. Lectern's own: a foreign journal set aside (nothing lost), a journal deleted by another program
 * saved into its database (nothing lost), a snapshot restored, no snapshot to restore. An operator's: a restore, a reset.
 */
export const RECOVERY_OUTCOMES = ['journal_set_aside', 'journal_saved', 'restored', 'no_snapshot', 'operator_restore', 'operator_reset'] as const;
export type RecoveryOutcome = (typeof RECOVERY_OUTCOMES)[number];

/** The outcomes Lectern reaches on its own: each stays a pending notice until the speaker dismisses it. */
export const AUTOMATIC_RECOVERY_OUTCOMES: readonly RecoveryOutcome[] = ['journal_set_aside', 'journal_saved', 'restored', 'no_snapshot'];

const ProfileIdPayloadSchema = z.object({ profileId: z.string().optional() }).strict();

export const SnapshotSummarySchema = z
  .object({
    name: z.string(),
    scope: z.enum(['global', 'profile']),
    createdAt: z.string(),
    reason: z.enum(SNAPSHOT_REASONS),
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
    outcome: z.enum(RECOVERY_OUTCOMES),
    detectedAt: z.string(),
    snapshotName: z.string().nullable(),
    snapshotCreatedAt: z.string().nullable(),
    quarantineName: z.string().nullable(),
    dataWarning: z.enum(['snapshot_lacks_user_data']).nullable(),
    acknowledgedAt: z.string().nullable(),
    notice: z.string(),
  })
  .strict();

export const DbRecoveryEventsListPayloadSchema = ProfileIdPayloadSchema;
export const DbRecoveryEventsListResultSchema = z.object({ events: z.array(RecoveryEventSchema) }).strict();

/** Recoveries Lectern made on its own that the speaker has not dismissed yet, every database, newest first. */
export const DbRecoveryNoticesPendingPayloadSchema = z.object({}).strict();
export const DbRecoveryNoticesPendingResultSchema = z
  .object({ notices: z.array(RecoveryEventSchema.extend({ profileName: z.string().nullable() }).strict()) })
  .strict();

export const DbRecoveryNoticeDismissPayloadSchema = z.object({ eventId: z.string().max(100) }).strict();
export const DbRecoveryNoticeDismissResultSchema = z.object({ dismissed: z.literal(true) }).strict();

export const DbSnapshotListPayloadSchema = ProfileIdPayloadSchema;
export const DbSnapshotListResultSchema = z.object({ snapshots: z.array(SnapshotSummarySchema) }).strict();

export const DbSnapshotRestorePayloadSchema = z.object({ profileId: z.string().optional(), snapshotName: z.string().max(200) }).strict();
export const DbSnapshotRestoreResultSchema = z
  .object({
    restored: SnapshotSummarySchema,
    preRestore: SnapshotSummarySchema.nullable(),
    postRestore: SnapshotSummarySchema.nullable(),
    event: RecoveryEventSchema,
  })
  .strict();
