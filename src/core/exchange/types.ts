import type { UtcTimestamp } from '../../kernel/time.js';

import type { PEER_REVIEW_IMPORT_OUTCOMES } from '../../contracts/exchange.js';

export type { PeerReviewV1 } from '../../contracts/exchange.js';

export const PACK_ROLES = ['audio', 'transcript', 'outline', 'rubric', 'review_template', 'viewer'] as const;
export type PackRole = (typeof PACK_ROLES)[number];

export interface PackInspection {
  packId: string;
  schemaVersion: string;
  createdAt: UtcTimestamp;
  appVersion: string;
  projectTitle: string;
  runId: string;
  durationMs: number | null;
  reviewerTag: string | null;
  hasReview: boolean;
  attachesToRun: boolean;
  fileBytes: number;
  files: Array<{ role: string; path: string; bytes: number; mime: string }>;
}

export interface PeerReviewSummary {
  id: string;
  runId: string;
  projectId: string;
  createdAt: UtcTimestamp;
  reviewerTag: string | null;
}

export const PEER_REVIEW_LIST_DEFAULT = 12;
export const PEER_REVIEW_LIST_MAX = 100;

export interface PeerReviewImportResult {
  peerReviewId: string;
  projectId: string;
  runId: string;
  outcome: (typeof PEER_REVIEW_IMPORT_OUTCOMES)[number];
}
