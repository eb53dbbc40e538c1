/** Database health: diagnostics, snapshots, recovery events. Types inferred from the shared contracts (type-only). */
import type { z } from 'zod';
import type { DbDiagnosticsSchema, ProfileDbDiagnosticsResultSchema } from '../../../../src/contracts/diagnostics.js';
import type {
  DbRecoveryNoticesPendingResultSchema,
  DbSnapshotRestoreResultSchema,
  RecoveryEventSchema,
  SnapshotSummarySchema,
} from '../../../../src/contracts/snapshots.js';
import type { ProfileAdoptUnlistedResultSchema } from '../../../../src/contracts/workspace.js';

export type DbDiagnostics = z.infer<typeof DbDiagnosticsSchema>;
/** `profileProblem` says why a profile's database could not be read at all (`profile` is then null). */
export type ProfileDbDiagnosticsResult = z.infer<typeof ProfileDbDiagnosticsResultSchema>;
export type SnapshotSummary = z.infer<typeof SnapshotSummarySchema>;
export type SnapshotReason = SnapshotSummary['reason'];
export type RecoveryEvent = z.infer<typeof RecoveryEventSchema>;
/** A recovery Lectern made on its own that the speaker has not dismissed yet, with the profile's name when listed. */
export type PendingRecoveryNotice = z.infer<typeof DbRecoveryNoticesPendingResultSchema>['notices'][number];
export type SnapshotRestoreResult = z.infer<typeof DbSnapshotRestoreResultSchema>;
export type AdoptUnlistedResult = z.infer<typeof ProfileAdoptUnlistedResultSchema>;
