export type * from './types.js';
export { isCleanReport } from '../../platform/db/diagnostics.js';
export {
  diagnoseAllReadOnly,
  diagnoseDataDirReadOnly,
  diagnoseForApp,
  isHealthy,
  profileIdsReadOnly,
  readRecoveryEventsReadOnly,
  unlistedProfileIds,
} from './read-only-diagnostics.js';
export {
  checkSnapshots,
  createManualSnapshot,
  dismissRecoveryNotice,
  listQuarantined,
  listRecoveryEventsFor,
  listSnapshotSummaries,
  pendingRecoveryNotices,
  restoreSnapshotInApp,
  scopeFor,
  withNotice,
} from './snapshots.js';
export { describeRecoveryEvent, type NoticeOptions } from './recovery-notice.js';
export { buildSupportBundle } from './support-bundle.js';
