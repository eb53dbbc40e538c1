import type { Database } from 'better-sqlite3';
import { newId } from '../../../kernel/ids.js';
import { nowUtc, type UtcTimestamp } from '../../../kernel/time.js';

/** How a recovery ended. */
export type RecoveryOutcome = 'journal_set_aside' | 'restored' | 'no_snapshot' | 'operator_restore' | 'operator_reset';

export interface RecoveryEvent {
  id: string;
  scope: 'global' | 'profile';
  profileId: string | null;
  reason: string;
  outcome: RecoveryOutcome;
  detectedAt: UtcTimestamp;
  snapshotName: string | null;
  snapshotCreatedAt: UtcTimestamp | null;
  quarantineName: string | null;
}

const INSERT_EVENT = `
  INSERT INTO recovery_events
    (id, scope, profile_id, reason, outcome, detected_at, snapshot_name, snapshot_created_at, quarantine_name)
  VALUES (@id, @scope, @profileId, @reason, @outcome, @detectedAt, @snapshotName, @snapshotCreatedAt, @quarantineName)`;

const EVENT_COLUMNS = `
  id, scope, profile_id AS profileId, reason, outcome, detected_at AS detectedAt, snapshot_name AS snapshotName,
  snapshot_created_at AS snapshotCreatedAt, quarantine_name AS quarantineName`;

/** A profile's events, newest first (idx_recovery_events_profile_detected). */
export const SELECT_EVENTS_OF_PROFILE = `SELECT ${EVENT_COLUMNS} FROM recovery_events WHERE profile_id = ? ORDER BY detected_at DESC LIMIT ?`;
/** The global database's own events, newest first (the same index, profile_id IS NULL). */
export const SELECT_EVENTS_OF_GLOBAL = `SELECT ${EVENT_COLUMNS} FROM recovery_events WHERE profile_id IS NULL ORDER BY detected_at DESC LIMIT ?`;

export function recordRecoveryEvent(globalDb: Database, event: Omit<RecoveryEvent, 'id' | 'detectedAt'> & { detectedAt?: UtcTimestamp }): RecoveryEvent {
  const row: RecoveryEvent = { id: newId('rec'), detectedAt: event.detectedAt ?? nowUtc(), ...event } as RecoveryEvent;
  globalDb.prepare(INSERT_EVENT).run(row);
  return row;
}

/** Events of the global database (profileId undefined) or of one profile, newest first. */
export function listRecoveryEvents(globalDb: Database, profileId?: string, limit = 50): RecoveryEvent[] {
  return profileId === undefined
    ? (globalDb.prepare(SELECT_EVENTS_OF_GLOBAL).all(limit) as RecoveryEvent[])
    : (globalDb.prepare(SELECT_EVENTS_OF_PROFILE).all(profileId, limit) as RecoveryEvent[]);
}
