/** Packs and peer reviews; see docs/api/commands.md, "Packs and peer reviews". Types inferred from the shared contracts. */
import type { z } from 'zod';
import type {
  PackExportResultSchema,
  PackFileSchema,
  PackInspectionSchema,
  PeerReviewGetResultSchema,
  PeerReviewImportResultSchema,
  PeerReviewSchema,
  PeerReviewV1Schema,
} from '../../../../src/contracts/exchange.js';

export { RUBRIC_ITEMS, type RubricItem } from '../../../../src/contracts/rubric.js';

export type PackExportResult = z.infer<typeof PackExportResultSchema>;

/** What the upload endpoint returns (not a command result, so no contract schema). */
export interface PackUpload {
  uploadId: string;
}

export type PackFile = z.infer<typeof PackFileSchema>;

/** What an uploaded pack holds, after full validation (`pack_inspect`); nothing is written. */
export type PackInspection = z.infer<typeof PackInspectionSchema>;

export type PeerReviewImportResult = z.infer<typeof PeerReviewImportResultSchema>;

export type PeerReviewSummary = z.infer<typeof PeerReviewSchema>;

/** The review a peer fills in (review/review.json in a pack). */
export type PeerReviewV1 = z.infer<typeof PeerReviewV1Schema>;

export type PeerReview = z.infer<typeof PeerReviewGetResultSchema>['review'];
