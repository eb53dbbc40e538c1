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
  handler: ({ store }, { profileId }) => ({ snapshot: createManualSnapshot(store, profileId) }),
});

export const dbRecoveryEventsList = defineCommand({
  name: 'db_recovery_events_list',
  handler: ({ store }, { profileId }) => ({ events: listRecoveryEventsFor(store, profileId) }),
});

export const dbRecoveryNoticesPending = defineCommand({
  name: 'db_recovery_notices_pending',
  handler: ({ store }) => ({ notices: pendingRecoveryNotices(store) }),
});

export const dbRecoveryNoticeDismiss = defineCommand({
  name: 'db_recovery_notice_dismiss',
  handler: ({ store }, { eventId }) => {
    dismissRecoveryNotice(store, eventId);
    return { dismissed: true as const };
  },
});

export const dbSnapshotList = defineCommand({
  name: 'db_snapshot_list',
  handler: ({ store }, { profileId }) => ({ snapshots: listSnapshotSummaries(store.layout, scopeFor(store, profileId)) }),
});

export const dbSnapshotRestore = defineCommand({
  name: 'db_snapshot_restore',
  handler: ({ store }, { profileId, snapshotName }) => restoreSnapshotInApp(store, snapshotName, profileId),
});
