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

/**
 * The rubric's items, in the order the review shows them (each scored 1-5). A runtime value, so it stays local (the
 * contract module imports zod); the type check below keeps it equal to the contract's RUBRIC_ITEMS.
 */
export const RUBRIC_ITEMS = ['clarity', 'structure', 'pacing', 'audience_fit', 'examples'] as const;
export type RubricItem = (typeof RUBRIC_ITEMS)[number];
// Compile-time only: fails when the local list and the contract's rubric items drift apart.
type _Assert<T extends true> = T;
type _Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type _RubricItemsMatchContract = _Assert<_Same<RubricItem, keyof PeerReviewV1['scores']>>;

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
