import type { Database } from 'better-sqlite3';
import { AUTOMATIC_RECOVERY_OUTCOMES, type RecoveryOutcome } from '../../../contracts/snapshots.js';
import { newId } from '../../../kernel/ids.js';
import { nowUtc, type UtcTimestamp } from '../../../kernel/time.js';


export type { RecoveryOutcome };

/** A reason to worry beyond the notice: the restored snapshot holds no user data, the damaged file did. */
export type RecoveryDataWarning = 'snapshot_lacks_user_data';

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
  dataWarning: RecoveryDataWarning | null;
  /** When the speaker dismissed its notice; operator actions are acknowledged when they happen (the operator did them). */
  acknowledgedAt: UtcTimestamp | null;
}

const INSERT_EVENT = `
  INSERT INTO recovery_events
    (id, scope, profile_id, reason, outcome, detected_at, snapshot_name, snapshot_created_at, quarantine_name, data_warning,
     acknowledged_at)
  VALUES (@id, @scope, @profileId, @reason, @outcome, @detectedAt, @snapshotName, @snapshotCreatedAt, @quarantineName,
          @dataWarning, @acknowledgedAt)`;

const EVENT_COLUMNS = `
  id, scope, profile_id AS profileId, reason, outcome, detected_at AS detectedAt, snapshot_name AS snapshotName,
  snapshot_created_at AS snapshotCreatedAt, quarantine_name AS quarantineName, data_warning AS dataWarning,
  acknowledged_at AS acknowledgedAt`;

/** Notices the speaker has not dismissed yet, every database, newest first (idx_recovery_events_pending). */
export const SELECT_PENDING_NOTICES = `
  SELECT ${EVENT_COLUMNS} FROM recovery_events WHERE acknowledged_at IS NULL ORDER BY detected_at DESC LIMIT ?`;

const ACKNOWLEDGE_EVENT = `UPDATE recovery_events SET acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL`;

/** An operator's restore or reset ends a database's "could not be repaired" state: its pending notice is settled. */
const SETTLE_NO_SNAPSHOT_NOTICES = `
  UPDATE recovery_events SET acknowledged_at = @at
  WHERE acknowledged_at IS NULL AND outcome = 'no_snapshot' AND scope = @scope AND profile_id IS @profileId`;

/** A profile's events, newest first (idx_recovery_events_profile_detected). */
export const SELECT_EVENTS_OF_PROFILE = `SELECT ${EVENT_COLUMNS} FROM recovery_events WHERE profile_id = ? ORDER BY detected_at DESC LIMIT ?`;
/** The global database's own events, newest first (the same index, profile_id IS NULL). */
export const SELECT_EVENTS_OF_GLOBAL = `SELECT ${EVENT_COLUMNS} FROM recovery_events WHERE profile_id IS NULL ORDER BY detected_at DESC LIMIT ?`;

type NewRecoveryEvent = Omit<RecoveryEvent, 'id' | 'detectedAt' | 'acknowledgedAt' | 'dataWarning'> & {
  detectedAt?: UtcTimestamp;
  dataWarning?: RecoveryDataWarning | null;
};

/** Records an event; one Lectern reached on its own stays a pending notice, an operator's is acknowledged at once. */
export function recordRecoveryEvent(globalDb: Database, event: NewRecoveryEvent): RecoveryEvent {
  const detectedAt = event.detectedAt ?? nowUtc();
  const row: RecoveryEvent = {
    id: newId('rec'),
    ...event,
    detectedAt,
    dataWarning: event.dataWarning ?? null,
    acknowledgedAt: AUTOMATIC_RECOVERY_OUTCOMES.includes(event.outcome) ? null : detectedAt,
  };
  globalDb.transaction(() => {
    globalDb.prepare(INSERT_EVENT).run(row);
    if (!AUTOMATIC_RECOVERY_OUTCOMES.includes(event.outcome)) {
      globalDb.prepare(SETTLE_NO_SNAPSHOT_NOTICES).run({ at: detectedAt, scope: event.scope, profileId: event.profileId });
    }
  }).immediate();
  return row;
}

/** Pending notices of every database, newest first. */
export function listPendingNotices(globalDb: Database, limit = 20): RecoveryEvent[] {
  return globalDb.prepare(SELECT_PENDING_NOTICES).all(limit) as RecoveryEvent[];
}

/** The speaker has read the notice; false when there was no such pending notice. */
export function acknowledgeRecoveryEvent(globalDb: Database, eventId: string, at: UtcTimestamp = nowUtc()): boolean {
  return globalDb.prepare(ACKNOWLEDGE_EVENT).run(at, eventId).changes === 1;
}

/** Events of the global database (profileId undefined) or of one profile, newest first. */
export function listRecoveryEvents(globalDb: Database, profileId?: string, limit = 50): RecoveryEvent[] {
  return profileId === undefined
    ? (globalDb.prepare(SELECT_EVENTS_OF_GLOBAL).all(limit) as RecoveryEvent[])
    : (globalDb.prepare(SELECT_EVENTS_OF_PROFILE).all(profileId, limit) as RecoveryEvent[]);
}
