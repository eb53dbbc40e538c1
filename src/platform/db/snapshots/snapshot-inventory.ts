import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UtcTimestamp } from '../../../kernel/time.js';
import { parseSnapshotName, type SnapshotNameParts } from './snapshot-name.js';

/** Recorded beside each snapshot as `<name>.json` when it was created and verified. */
export interface SnapshotManifest {
  name: string;
  scope: 'global' | 'profile';
  /** The profile a profile snapshot belongs to (absent in manifests written before it was recorded). */
  profileId?: string | null;
  createdAt: UtcTimestamp;
  reason: SnapshotNameParts['reason'];
  schemaVersion: number;
  latestMigration: string | null;
  /** For a pre-migration snapshot: the version the migration it guards was going to. */
  migratesTo: number | null;
  bytes: number;
  sha256: string;
  verified: boolean;
  verifiedAt: UtcTimestamp;
  appVersion: string;
}

export interface SnapshotEntry extends SnapshotNameParts {
  name: string;
  path: string;
  /** Null when the manifest is missing or unreadable: such a snapshot is verified again before any use. */
  manifest: SnapshotManifest | null;
}

export function manifestPathOf(snapshotPath: string): string {
  return `${snapshotPath}.json`;
}

/** Snapshots in a backups folder, newest first by the time parsed from their names. */
export function listSnapshots(backupsDir: string): SnapshotEntry[] {
  if (!existsSync(backupsDir)) return [];
  const entries: SnapshotEntry[] = [];
  for (const name of readdirSync(backupsDir)) {
    const parts = parseSnapshotName(name);
    if (!parts) continue;
    const path = join(backupsDir, name);
    entries.push({ ...parts, name, path, manifest: readManifest(path) });
  }
  return entries.sort(newestFirst);
}

export function newestFirst(a: SnapshotEntry, b: SnapshotEntry): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.name < b.name ? 1 : a.name > b.name ? -1 : 0;
}

function readManifest(snapshotPath: string): SnapshotManifest | null {
  try {
    const parsed = JSON.parse(readFileSync(manifestPathOf(snapshotPath), 'utf8')) as SnapshotManifest;
    return typeof parsed.sha256 === 'string' && typeof parsed.bytes === 'number' ? parsed : null;
  } catch {
    return null;
  }
}
