import { z } from 'zod';
import { ErrorPayloadSchema } from './errors.js';

/** Metadata-only health of one database. The key set is exact (strict): nothing else may leak into it. */
export const DbDiagnosticsSchema = z
  .object({
    scope: z.enum(['global', 'profile']),
    schemaVersion: z.number().int().nonnegative(),
    latestMigration: z.string().nullable(),
    appliedMigrationCount: z.number().int().nonnegative(),
    expectedMigrationCount: z.number().int().nonnegative(),
    continuityOk: z.boolean(),
    continuityError: z.string().nullable(),
    checksumOk: z.boolean(),
    newerThanApp: z.boolean(),
    integrityCheck: z.string(),
    foreignKeyViolations: z.number().int().nonnegative(),
    journalMode: z.string(),
    pageCount: z.number().int().nonnegative(),
    freelistCount: z.number().int().nonnegative(),
    snapshotCount: z.number().int().nonnegative().nullable(),
    newestSnapshotAt: z.string().nullable(),
    lastRecoveryAt: z.string().nullable(),
    missingArtifactFiles: z.number().int().nonnegative().nullable(),
    fileHeaderOk: z.boolean(),
    unlistedProfileFolders: z.number().int().nonnegative().nullable(),
    strayTempFiles: z.number().int().nonnegative(),
  })
  .strict();

export const ProfileDbDiagnosticsPayloadSchema = z.object({ profileId: z.string().optional() }).strict();

/**
 * `profile` is null when no profile was asked for, or when its database could not be read at all; `profileProblem`
 * then says why (db_corrupt, db_recovery_no_snapshot...), in the error shape every door uses.
 */
export const ProfileDbDiagnosticsResultSchema = z
  .object({
    global: DbDiagnosticsSchema,
    profile: DbDiagnosticsSchema.nullable(),
    profileProblem: ErrorPayloadSchema.nullable(),
  })
  .strict();
