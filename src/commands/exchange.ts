import * as exchange from '../core/exchange/index.js';
import { defineProfileCommand } from './registry.js';

export const packExport = defineProfileCommand({
  name: 'pack_export',
  handler: (session, { runId }) => exchange.exportPack(session, runId, session.store.appVersion),
});

export const packInspect = defineProfileCommand({
  name: 'pack_inspect',
  handler: (session, { uploadId }) => ({ pack: exchange.inspectPack(session, uploadId) }),
});

export const peerReviewImport = defineProfileCommand({
  name: 'peer_review_import',
  handler: (session, { uploadId }) => exchange.importPeerReview(session, uploadId),
});

export const peerReviewList = defineProfileCommand({
  name: 'peer_review_list',
  handler: (session, { projectId, runId, limit }) => ({ reviews: exchange.listPeerReviews(session, projectId, limit, runId) }),
});

export const peerReviewGet = defineProfileCommand({
  name: 'peer_review_get',
  handler: (session, { peerReviewId }) => ({ review: exchange.getPeerReview(session, peerReviewId) }),
});

export const EXCHANGE_COMMANDS = [packExport, packInspect, peerReviewImport, peerReviewList, peerReviewGet];
