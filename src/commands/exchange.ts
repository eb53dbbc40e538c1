import * as exchange from '../core/exchange/index.js';
import { defineCommand } from './registry.js';

export const packExport = defineCommand({
  name: 'pack_export',
  handler: ({ store }, { profileId, runId }) => exchange.exportPack(store, profileId, runId, store.appVersion),
});

export const packInspect = defineCommand({
  name: 'pack_inspect',
  handler: ({ store }, { profileId, uploadId }) => ({ pack: exchange.inspectPack(store, profileId, uploadId) }),
});

export const peerReviewImport = defineCommand({
  name: 'peer_review_import',
  handler: ({ store }, { profileId, uploadId }) => exchange.importPeerReview(store, profileId, uploadId),
});

export const peerReviewList = defineCommand({
  name: 'peer_review_list',
  handler: ({ store }, { profileId, projectId, runId, limit }) => ({ reviews: exchange.listPeerReviews(store, profileId, projectId, limit, runId) }),
});

export const peerReviewGet = defineCommand({
  name: 'peer_review_get',
  handler: ({ store }, { profileId, peerReviewId }) => ({ review: exchange.getPeerReview(store, profileId, peerReviewId) }),
});

export const EXCHANGE_COMMANDS = [packExport, packInspect, peerReviewImport, peerReviewList, peerReviewGet];
