import { z } from 'zod';
import { PACK_ROLES } from './types.js';

export const PACK_SCHEMA_VERSION = '1.0.0';

/**
 * `manifest.json`, the last entry of a pack: what it holds, with the size and sha256 of every listed file. The layout
 * follows the reference app's packs (snake_case keys: a file format, not an API payload), so packs travel between the
 * two. Audio is listed only when the run has a recording.
 */
export const PackManifestSchema = z
  .object({
    schema_version: z.literal(PACK_SCHEMA_VERSION),
    pack_id: z.string().regex(/^pack_[0-9a-f]{32}$/),
    created_at: z.string().max(40),
    app_version: z.string().max(40),
    project_id: z.string().max(64),
    project_title: z.string().max(200).optional(),
    run: z.object({ run_id: z.string().max(64), duration_ms: z.number().int().nonnegative().nullable() }).strict(),
    files: z
      .array(
        z
          .object({
            path: z.string().max(255),
            role: z.enum(PACK_ROLES),
            sha256: z.string().regex(/^[0-9a-f]{64}$/),
            bytes: z.number().int().nonnegative(),
            mime: z.string().max(100),
          })
          .strict(),
      )
      .max(16),
  })
  .strict();

export type PackManifest = z.infer<typeof PackManifestSchema>;

/** Roles a pack must carry to be imported; audio and the viewer page are optional. */
export const REQUIRED_ROLES = ['transcript', 'outline', 'rubric', 'review_template'] as const;
/** Where a reviewer puts their filled-in review (not in the manifest: it did not exist when the pack was made). */
export const REVIEW_PATH = 'review/review.json';
