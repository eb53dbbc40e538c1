import {
  DbRecoveryEventsListPayloadSchema,
  DbRecoveryEventsListResultSchema,
  DbSnapshotCreatePayloadSchema,
  DbSnapshotCreateResultSchema,
} from '../contracts/snapshots.js';
import { createManualSnapshot, listRecoveryEventsFor } from '../core/health/index.js';
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
