import { randomBytes } from 'node:crypto';
import { SNAPSHOT_REASONS, type SnapshotReason } from '../../../contracts/snapshots.js';
import { parseFileTimestamp, toFileTimestamp, toUtcTimestamp, type UtcTimestamp } from '../../../kernel/time.js';

export { SNAPSHOT_REASONS, type SnapshotReason };

/** What a snapshot's file name says about it. */
export interface SnapshotNameParts {
  scope: 'global' | 'profile';
  createdAt: UtcTimestamp;
  schemaVersion: number;
  reason: SnapshotReason;
}

const NAME = new RegExp(`^(global|profile)-(\\d{8}T\\d{9}Z)-v(\\d+)-(${SNAPSHOT_REASONS.join('|')})-([0-9a-f]{6})\\.db$`);

/**
 * `profile-20261125T132800123Z-v2-scheduled-3fa9c1.db`: scope, UTC time to the millisecond, schema version, reason,
 * and a random tag so that two snapshots in the same millisecond never collide. Readers order snapshots by the parsed
 * time, never by the raw name.
 */
export function snapshotName(parts: Omit<SnapshotNameParts, 'createdAt'> & { createdAt: Date }): string {
  const tag = randomBytes(3).toString('hex');
  return `${parts.scope}-${toFileTimestamp(parts.createdAt)}-v${parts.schemaVersion}-${parts.reason}-${tag}.db`;
}

/** Null for anything that is not a snapshot name (temp files, manifests, stray files). */
export function parseSnapshotName(name: string): SnapshotNameParts | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const date = parseFileTimestamp(match[2]!);
  if (!date) return null;
  return {
    scope: match[1] as SnapshotNameParts['scope'],
    createdAt: toUtcTimestamp(date),
    schemaVersion: Number(match[3]),
    reason: match[4] as SnapshotReason,
  };
}
