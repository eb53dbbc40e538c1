import { z } from 'zod';
import { RUBRIC_ITEMS } from './rubric.js';

const Id = z.string().max(100);

export { RUBRIC_ITEMS };

/** What a peer sends back: scores 1-5 per rubric item, two free texts, and optional timed remarks. */
export const PeerReviewV1Schema = z
  .object({
    schema_version: z.literal('1.0.0'),
    rubric_id: z.string().min(1).max(64),
    reviewer_tag: z.string().trim().min(1).max(80).nullable(),
    scores: z.record(z.enum(RUBRIC_ITEMS), z.number().int().min(1).max(5)),
    free_text: z.object({ strengths: z.string().max(5000), improvements: z.string().max(5000) }).strict(),
    timestamps: z.array(z.object({ t_ms: z.number().int().nonnegative(), note: z.string().max(1000) }).strict()).max(100),
  })
  .strict();
export type PeerReviewV1 = z.infer<typeof PeerReviewV1Schema>;

export const PackFileSchema = z
  .object({ role: z.string(), path: z.string(), bytes: z.number().int().nonnegative(), mime: z.string() })
  .strict();

export const PackInspectionSchema = z
  .object({
    packId: z.string(),
    schemaVersion: z.string(),
    createdAt: z.string(),
    appVersion: z.string(),
    projectTitle: z.string(),
    runId: z.string(),
    durationMs: z.number().int().nonnegative().nullable(),
    reviewerTag: z.string().nullable(),
    hasReview: z.boolean(),
    fileBytes: z.number().int().nonnegative(),
    files: z.array(PackFileSchema),
  })
  .strict();

export const PeerReviewSchema = z
  .object({
    id: z.string(),
    runId: z.string(),
    projectId: z.string(),
    createdAt: z.string(),
    reviewerTag: z.string().nullable(),
  })
  .strict();

export const PackExportPayloadSchema = z.object({ profileId: Id, runId: Id }).strict();
export const PackExportResultSchema = z.object({ packId: z.string(), artifactId: z.string(), fileName: z.string(), bytes: z.number().int() }).strict();
export const PackUploadPayloadSchema = z.object({ profileId: Id, uploadId: Id }).strict();
export const PackInspectResultSchema = z.object({ pack: PackInspectionSchema }).strict();
export const PeerReviewImportResultSchema = z.object({ peerReviewId: z.string(), projectId: z.string(), runId: z.string() }).strict();
export const PeerReviewListPayloadSchema = z.object({ profileId: Id, projectId: Id, limit: z.number().optional() }).strict();
export const PeerReviewListResultSchema = z.object({ reviews: z.array(PeerReviewSchema) }).strict();
export const PeerReviewGetPayloadSchema = z.object({ profileId: Id, peerReviewId: Id }).strict();
export const PeerReviewGetResultSchema = z.object({ review: PeerReviewSchema.extend({ content: PeerReviewV1Schema }).strict() }).strict();
