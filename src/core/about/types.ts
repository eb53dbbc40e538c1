/** Where one database stands: its newest applied migration and how many steps this version of Lectern knows. */
export interface SchemaStanding {
  schemaVersion: number;
  latestMigration: string | null;
  knownVersion: number;
  knownLatestMigration: string;
}

/**
 * What the About page shows. The data folder's path is here on purpose: only the local user sees this page, and
 * they need the path to back it up. It never goes into diagnostics, logs or support bundles.
 */
export interface AboutLectern {
  version: string;
  dataFolder: string;
  runtime: { node: string; sqlite: string; platform: string };
  databases: { global: SchemaStanding; profile: SchemaStanding | null };
}
