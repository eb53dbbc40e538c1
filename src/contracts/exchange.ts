import { z } from 'zod';
import { RUBRIC_ITEMS } from './rubric.js';

const Id = z.string().max(100);

export { RUBRIC_ITEMS };

/** Limits of a peer review, as strict as a pack's: the viewer's form enforces the same ones. */
export const REVIEW_LIMITS = {
  reviewerTagChars: 80,
  freeTextChars: 5000,
  timedComments: 100,
  timedCommentChars: 1000,
  /** No recording is longer than a day: a comment "at" a later time is a forged file. */
  timedCommentMaxMs: 24 * 60 * 60 * 1000,
} as const;

/** What a peer sends back: scores 1-5 per rubric item, two free texts, and optional timed remarks. */
export const PeerReviewV1Schema = z
  .object({
    schema_version: z.literal('1.0.0'),
    rubric_id: z.string().min(1).max(64),
    reviewer_tag: z.string().trim().min(1).max(REVIEW_LIMITS.reviewerTagChars).nullable(),
    scores: z.record(z.enum(RUBRIC_ITEMS), z.number().int().min(1).max(5)),
    free_text: z
      .object({ strengths: z.string().max(REVIEW_LIMITS.freeTextChars), improvements: z.string().max(REVIEW_LIMITS.freeTextChars) })
      .strict(),
    timestamps: z
      .array(
        z
          .object({
            t_ms: z.number().int().nonnegative().max(REVIEW_LIMITS.timedCommentMaxMs),
            note: z.string().trim().min(1).max(REVIEW_LIMITS.timedCommentChars),
          })
          .strict(),
      )
      .max(REVIEW_LIMITS.timedComments),
  })
  .strict();
export type PeerReviewV1 = z.infer<typeof PeerReviewV1Schema>;

/** A review file is small: the largest valid review is about 120 KiB of JSON (all limits full, every character escaped). */
export const REVIEW_FILE_MAX_BYTES = 256 * 1024;
export const REVIEW_FILE_FORMAT = 'lectern-peer-review';

/**
 * The small file the pack's viewer saves ("Save my review") for the reviewer to send back: the review and the ids of
 * the pack and run it is about, so that importing it attaches it to the original run. snake_case: a file format.
 */
export const ReviewFileV1Schema = z
  .object({
    format: z.literal(REVIEW_FILE_FORMAT),
    schema_version: z.literal('1.0.0'),
    pack_id: z.string().regex(/^pack_[0-9a-f]{32}$/),
    project_id: z.string().min(1).max(64),
    run_id: z.string().min(1).max(64),
    review: PeerReviewV1Schema,
  })
  .strict();
export type ReviewFileV1 = z.infer<typeof ReviewFileV1Schema>;

/** What an import did: attached to the original run, made a new talk, or nothing (this review was already imported). */
export const PEER_REVIEW_IMPORT_OUTCOMES = ['attached', 'new_talk', 'already_imported'] as const;

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
    /** True when this profile has the pack's run (in the pack's talk): importing adds the review to it. */
    attachesToRun: z.boolean(),
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
export const PeerReviewImportResultSchema = z
  .object({ peerReviewId: z.string(), projectId: z.string(), runId: z.string(), outcome: z.enum(PEER_REVIEW_IMPORT_OUTCOMES) })
  .strict();
/** `runId` narrows the list to one run of the talk (its review page). */
export const PeerReviewListPayloadSchema = z.object({ profileId: Id, projectId: Id, runId: Id.optional(), limit: z.number().optional() }).strict();
export const PeerReviewListResultSchema = z.object({ reviews: z.array(PeerReviewSchema) }).strict();
export const PeerReviewGetPayloadSchema = z.object({ profileId: Id, peerReviewId: Id }).strict();
export const PeerReviewGetResultSchema = z.object({ review: PeerReviewSchema.extend({ content: PeerReviewV1Schema }).strict() }).strict();
