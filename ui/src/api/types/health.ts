/** Database health: diagnostics, snapshots, recovery events. Types inferred from the shared contracts (type-only). */
import type { z } from 'zod';
import type { DbDiagnosticsSchema } from '../../../../src/contracts/diagnostics.js';
import type { RecoveryEventSchema, SnapshotSummarySchema } from '../../../../src/contracts/snapshots.js';

export type DbDiagnostics = z.infer<typeof DbDiagnosticsSchema>;
export type SnapshotSummary = z.infer<typeof SnapshotSummarySchema>;
export type RecoveryEvent = z.infer<typeof RecoveryEventSchema>;
