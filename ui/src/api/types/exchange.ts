/** Packs and peer reviews; see docs/api/commands.md, "Packs and peer reviews". */

/** The rubric's items, in the order the review shows them (each scored 1-5). */
export const RUBRIC_ITEMS = ['clarity', 'structure', 'pacing', 'audience_fit', 'examples'] as const;
export type RubricItem = (typeof RUBRIC_ITEMS)[number];

export interface PackExportResult {
  packId: string;
  /** The stored zip, downloadable at /api/download/<artifactId>. */
  artifactId: string;
  fileName: string;
  bytes: number;
}

export interface PackUpload {
  uploadId: string;
}

export interface PackFile {
  role: string;
  path: string;
  bytes: number;
  mime: string;
}

/** What an uploaded pack holds, after full validation (`pack_inspect`); nothing is written. */
export interface PackInspection {
  packId: string;
  schemaVersion: string;
  createdAt: string;
  appVersion: string;
  projectTitle: string;
  runId: string;
  durationMs: number | null;
  reviewerTag: string | null;
  /** False when the pack holds only the blank template (no review/review.json). */
  hasReview: boolean;
  fileBytes: number;
  files: PackFile[];
}

export interface PeerReviewImportResult {
  peerReviewId: string;
  projectId: string;
  runId: string;
}

export interface PeerReviewSummary {
  id: string;
  runId: string;
  projectId: string;
  createdAt: string;
  reviewerTag: string | null;
}

/** The review a peer fills in (review/review.json in a pack). */
export interface PeerReviewV1 {
  schema_version: string;
  rubric_id: string;
  reviewer_tag: string | null;
  scores: Partial<Record<RubricItem, number>>;
  free_text: { strengths: string; improvements: string };
  timestamps: { t_ms: number; note: string }[];
}

export interface PeerReview extends PeerReviewSummary {
  content: PeerReviewV1;
}
