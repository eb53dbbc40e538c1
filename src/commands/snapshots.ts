import {
  DbSnapshotListPayloadSchema,
  DbSnapshotListResultSchema,
  DbSnapshotRestorePayloadSchema,
  DbSnapshotRestoreResultSchema,
  DbRecoveryNoticeDismissPayloadSchema,
  DbRecoveryNoticeDismissResultSchema,
  DbRecoveryNoticesPendingPayloadSchema,
  DbRecoveryNoticesPendingResultSchema,
  DbRecoveryEventsListPayloadSchema,
  DbRecoveryEventsListResultSchema,
  DbSnapshotCreatePayloadSchema,
  DbSnapshotCreateResultSchema,
} from '../contracts/snapshots.js';
import {
  createManualSnapshot,
  dismissRecoveryNotice,
  listRecoveryEventsFor,
  listSnapshotSummaries,
  pendingRecoveryNotices,
  restoreSnapshotInApp,
  scopeFor,
} from '../core/health/index.js';
import { defineCommand } from './registry.js';

export const dbSnapshotCreate = defineCommand({
  name: 'db_snapshot_create',
  payload: DbSnapshotCreatePayloadSchema,
  result: DbSnapshotCreateResultSchema,
  handler: ({ store }, { profileId }) => ({ snapshot: createManualSnapshot(store, profileId) }),
});

export const dbRecoveryEventsList = defineCommand({
  name: 'db_recovery_events_list',
  payload: DbRecoveryEventsListPayloadSchema,
  result: DbRecoveryEventsListResultSchema,
  handler: ({ store }, { profileId }) => ({ events: listRecoveryEventsFor(store, profileId) }),
});

export const dbRecoveryNoticesPending = defineCommand({
  name: 'db_recovery_notices_pending',
  payload: DbRecoveryNoticesPendingPayloadSchema,
  result: DbRecoveryNoticesPendingResultSchema,
  handler: ({ store }) => ({ notices: pendingRecoveryNotices(store) }),
});

export const dbRecoveryNoticeDismiss = defineCommand({
  name: 'db_recovery_notice_dismiss',
  payload: DbRecoveryNoticeDismissPayloadSchema,
  result: DbRecoveryNoticeDismissResultSchema,
  handler: ({ store }, { eventId }) => {
    dismissRecoveryNotice(store, eventId);
    return { dismissed: true as const };
  },
});

export const dbSnapshotList = defineCommand({
  name: 'db_snapshot_list',
  payload: DbSnapshotListPayloadSchema,
  result: DbSnapshotListResultSchema,
  handler: ({ store }, { profileId }) => ({ snapshots: listSnapshotSummaries(store.layout, scopeFor(store, profileId)) }),
});

export const dbSnapshotRestore = defineCommand({
  name: 'db_snapshot_restore',
  payload: DbSnapshotRestorePayloadSchema,
  result: DbSnapshotRestoreResultSchema,
  handler: ({ store }, { profileId, snapshotName }) => restoreSnapshotInApp(store, snapshotName, profileId),
});
