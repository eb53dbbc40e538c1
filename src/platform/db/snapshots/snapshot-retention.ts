import { rmSync } from 'node:fs';
import { manifestPathOf, type SnapshotEntry } from './snapshot-inventory.js';

/** How many snapshots of each kind a database keeps. */
export const RETENTION = { scheduledOrManual: 5, preMigration: 3, preRestore: 3 } as const;

/**
 * Which snapshots to keep, given all of one database's snapshots (newest first) and its current schema version:
 * the newest 5 scheduled/manual, the newest 3 pre-migration, the newest 3 pre-restore, and always the snapshot
 * guarding the most recent migration (the newest pre-migration snapshot taken below the current version), so that
 * repeated failed upgrade attempts can never rotate the last good pre-upgrade state away.
 */
export function snapshotsToKeep(entries: readonly SnapshotEntry[], currentSchemaVersion: number): Set<string> {
  const keep = new Set<string>();
  const keepNewest = (predicate: (entry: SnapshotEntry) => boolean, count: number) => {
    for (const entry of entries.filter(predicate).slice(0, count)) keep.add(entry.name);
  };
  keepNewest((e) => e.reason === 'scheduled' || e.reason === 'manual', RETENTION.scheduledOrManual);
  keepNewest((e) => e.reason === 'pre-migration', RETENTION.preMigration);
  keepNewest((e) => e.reason === 'pre-restore', RETENTION.preRestore);
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
