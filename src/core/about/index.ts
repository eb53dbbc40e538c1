import type { Database } from 'better-sqlite3';
import { platform } from 'node:os';
import type { DataStore } from '../../platform/db/data-store.js';
import { readMigrationState } from '../../platform/db/migration-state.js';
import { migrationStepsFor } from '../../platform/db/migration-steps.js';
import { GLOBAL_SCOPE, profileScope, type DbScope } from '../../platform/db/scope.js';
import { sqliteVersion } from '../../platform/db/sqlite-version.js';
import { openFolder } from '../../platform/os/system-opener.js';
import { openProfileSession } from '../workspace/index.js';
import type { AboutLectern, SchemaStanding } from './types.js';

export type * from './types.js';

/**
 * The facts of the About page: version, data folder, runtime, and the schema of the global database and (when
 * asked) one profile's, read from their migration records on the open connections.
 *
 * @example aboutLectern(store, profileId).databases.profile?.schemaVersion // 6
 */
export function aboutLectern(store: DataStore, profileId?: string): AboutLectern {
  return {
    version: store.appVersion,
    dataFolder: store.layout.root,
    runtime: { node: process.version, sqlite: sqliteVersion(), platform: platform() },
    databases: {
      global: schemaStanding(store.global(), GLOBAL_SCOPE),
      profile: profileId === undefined ? null : schemaStanding(openProfileSession(store, profileId).db, profileScope(profileId)),
    },
  };
}

/** Opens the data folder in the system's file manager (the path never travels: the server knows it). */
export function openDataFolder(store: DataStore): Promise<void> {
  return openFolder(store.layout.root);
}

function schemaStanding(db: Database, scope: DbScope): SchemaStanding {
  const known = migrationStepsFor(scope);
  const newest = readMigrationState(db, known).applied.at(-1) ?? null;
  const knownNewest = known.at(-1)!;
  return {
    schemaVersion: newest?.version ?? 0,
    latestMigration: newest?.name ?? null,
    knownVersion: knownNewest.version,
    knownLatestMigration: knownNewest.name,
  };
}
