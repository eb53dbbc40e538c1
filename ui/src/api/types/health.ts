/** Database health: diagnostics, snapshots, recovery events. */
export interface DbDiagnostics {
  scope: 'global' | 'profile';
  schemaVersion: number;
  latestMigration: string | null;
  appliedMigrationCount: number;
  expectedMigrationCount: number;
  continuityOk: boolean;
  continuityError: string | null;
  checksumOk: boolean;
  newerThanApp: boolean;
  integrityCheck: string;
  foreignKeyViolations: number;
  journalMode: string;
  pageCount: number;
  freelistCount: number;
  snapshotCount: number | null;
  newestSnapshotAt: string | null;
  lastRecoveryAt: string | null;
  missingArtifactFiles: number | null;
}

export interface SnapshotSummary {
  name: string;
  scope: 'global' | 'profile';
  createdAt: string;
  reason: 'pre-migration' | 'scheduled' | 'manual' | 'pre-restore';
  schemaVersion: number;
  bytes: number | null;
  verified: boolean | null;
}

export interface RecoveryEvent {
  id: string;
  scope: 'global' | 'profile';
  profileId: string | null;
  reason: string;
  outcome: 'restored' | 'no_snapshot' | 'operator_restore' | 'operator_reset';
  detectedAt: string;
  snapshotName: string | null;
  snapshotCreatedAt: string | null;
  quarantineName: string | null;
  notice: string;
}
