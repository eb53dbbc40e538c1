import { z } from 'zod';

const SchemaStandingSchema = z
  .object({
    schemaVersion: z.number().int().nonnegative(),
    latestMigration: z.string().nullable(),
    knownVersion: z.number().int().positive(),
    knownLatestMigration: z.string(),
  })
  .strict();

export const AppAboutPayloadSchema = z.object({ profileId: z.string().max(100).optional() }).strict();

/** `dataFolder` is an absolute path: this result is for the local user's About page only (never logged or bundled). */
export const AppAboutResultSchema = z
  .object({
    version: z.string(),
    dataFolder: z.string(),
    runtime: z.object({ node: z.string(), sqlite: z.string(), platform: z.string() }).strict(),
    databases: z.object({ global: SchemaStandingSchema, profile: SchemaStandingSchema.nullable() }).strict(),
  })
  .strict();

export const DataFolderOpenPayloadSchema = z.object({}).strict();
export const DataFolderOpenResultSchema = z.object({ opened: z.literal(true) }).strict();
