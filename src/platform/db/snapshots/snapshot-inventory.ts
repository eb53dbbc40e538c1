import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseSnapshotName, SNAPSHOT_REASONS, type SnapshotNameParts } from './snapshot-name.js';

/**
 * Recorded beside each snapshot as `<name>.json` when it was created and verified. Read back through this schema, never
 * cast: a manifest that does not match is treated as missing (the snapshot is then verified again before any use).
 */
const SnapshotManifestSchema = z.object({
  name: z.string(),
  scope: z.enum(['global', 'profile']),
  /** The profile a profile snapshot belongs to (absent in manifests written before it was recorded). */
  profileId: z.string().nullable().optional(),
  createdAt: z.string(),
  reason: z.enum(SNAPSHOT_REASONS),
  schemaVersion: z.number().int().nonnegative(),
  latestMigration: z.string().nullable(),
  /** For a pre-migration snapshot: the version the migration it guards was going to. */
  migratesTo: z.number().int().nullable(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  verified: z.boolean(),
  verifiedAt: z.string(),
  appVersion: z.string(),
});

export type SnapshotManifest = z.infer<typeof SnapshotManifestSchema>;

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
    const parsed = SnapshotManifestSchema.safeParse(JSON.parse(readFileSync(manifestPathOf(snapshotPath), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
