import { rmSync } from 'node:fs';
import { manifestPathOf, type SnapshotEntry } from './snapshot-inventory.js';
import type { SnapshotReason } from './snapshot-name.js';

/**
 * How many snapshots of each kind a database keeps. Manual snapshots are a class of their own: ordinary writes and
 * the schedule never rotate a snapshot the operator asked for out of existence.
 */
export const RETENTION = { scheduled: 5, manual: 5, preMigration: 3, preRestore: 3, postRestore: 3 } as const;

const CLASS_OF: Record<SnapshotReason, keyof typeof RETENTION> = {
  scheduled: 'scheduled',
  manual: 'manual',
  'pre-migration': 'preMigration',
  'pre-restore': 'preRestore',
  'post-restore': 'postRestore',
};

/**
 * Which snapshots to keep, given all of one database's snapshots (newest first) and its current schema version:
 * the newest of each class (see RETENTION), and always the snapshot guarding the most recent migration (the newest
 * pre-migration snapshot taken below the current version), so that repeated failed upgrade attempts can never rotate
 * the last good pre-upgrade state away.
 */
export function snapshotsToKeep(entries: readonly SnapshotEntry[], currentSchemaVersion: number): Set<string> {
  const keep = new Set<string>();
  for (const [kind, count] of Object.entries(RETENTION) as Array<[keyof typeof RETENTION, number]>) {
    for (const entry of entries.filter((e) => CLASS_OF[e.reason] === kind).slice(0, count)) keep.add(entry.name);
  }
  const guard = entries.find((e) => e.reason === 'pre-migration' && e.schemaVersion < currentSchemaVersion);
  if (guard) keep.add(guard.name);
  return keep;
}

/** Deletes the snapshots (and manifests) that retention does not keep; returns their names. */
export function pruneSnapshots(entries: readonly SnapshotEntry[], currentSchemaVersion: number): string[] {
  const keep = snapshotsToKeep(entries, currentSchemaVersion);
  const removed: string[] = [];
  for (const entry of entries) {
    if (keep.has(entry.name)) continue;
    rmSync(entry.path, { force: true });
    rmSync(manifestPathOf(entry.path), { force: true });
    removed.push(entry.name);
  }
  return removed;
}
