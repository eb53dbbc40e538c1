import type { DataLayout } from '../layout.js';
import type { DbScope } from '../scope.js';
import { listSnapshots } from '../snapshots/snapshot-inventory.js';
import { readPreOpenFacts, type PreOpenFacts } from '../snapshots/snapshot-policy.js';
import type { CorruptionReason } from '../sqlite-failure.js';
import { hasCleanShutdownMarker } from './markers.js';

/** What the files of a database say before anything opens it, and whether that alone is damage. */
export interface FilesBeforeOpen {
  facts: PreOpenFacts;
  /** `database_missing` / `database_truncated` when the file is gone or empty although a database existed there. */
  damage: Extract<CorruptionReason, 'database_missing' | 'database_truncated'> | null;
}

/**
 * The one rule, shared by the opener and by read-only diagnostics: a missing or zero-length file where a database
 * existed (a clean-shutdown marker or snapshots are the evidence) is damage, never a new empty database.
 */
export function inspectFilesBeforeOpen(layout: DataLayout, scope: DbScope): FilesBeforeOpen {
  const dbPath = layout.dbFile(scope);
  const facts = readPreOpenFacts(dbPath, hasCleanShutdownMarker(dbPath));
  const existedBefore = facts.cleanShutdown || listSnapshots(layout.backupsDir(scope)).length > 0;
  let damage: FilesBeforeOpen['damage'] = null;
  if (!facts.exists && existedBefore) damage = 'database_missing';
  else if (facts.exists && facts.bytes === 0 && existedBefore) damage = 'database_truncated';
  return { facts, damage };
}
