import { prepared } from '../../platform/db/prepared.js';
import type { Database } from 'better-sqlite3';
import type { UtcTimestamp } from '../../kernel/time.js';
import * as q from './queries.js';
import type { PeerReviewSummary } from './types.js';

export type PeerReviewRow = PeerReviewSummary & { artifactId: string };

export function insertPeerReview(
  db: Database,
  review: { id: string; runId: string; createdAt: UtcTimestamp; reviewerTag: string | null; artifactId: string; digest: string },
): void {
  prepared(db, q.INSERT_PEER_REVIEW).run(review.id, review.runId, review.createdAt, review.reviewerTag, review.artifactId, review.digest);
}

export function findPeerReviewByDigest(db: Database, digest: string): PeerReviewRow | null {
  return (prepared(db, q.SELECT_PEER_REVIEW_BY_DIGEST).get(digest) as PeerReviewRow | undefined) ?? null;
}

export function listPeerReviewsOfRun(db: Database, projectId: string, runId: string, limit: number): PeerReviewRow[] {
  return prepared(db, q.SELECT_PEER_REVIEWS_OF_RUN).all(runId, projectId, limit) as PeerReviewRow[];
}

export function findPeerReview(db: Database, id: string): PeerReviewRow | null {
  return (prepared(db, q.SELECT_PEER_REVIEW).get(id) as PeerReviewRow | undefined) ?? null;
}

export function listPeerReviews(db: Database, projectId: string, limit: number): PeerReviewRow[] {
  return prepared(db, q.SELECT_PEER_REVIEWS_OF_PROJECT).all(projectId, limit) as PeerReviewRow[];
}
