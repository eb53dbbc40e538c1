import { RUBRIC_ITEMS, type PeerReviewV1 } from '../../contracts/exchange.js';

export const RUBRIC_ID = 'tech_talk_internal.v1';

/** The rubric shipped in every pack: five items scored 1-5, with labels at 1, 3 and 5 in English and French. */
export const RUBRIC = {
  rubric_id: RUBRIC_ID,
  scale: { min: 1, max: 5, labels: { 1: { en: 'Needs work', fr: 'À retravailler' }, 3: { en: 'Solid', fr: 'Solide' }, 5: { en: 'Excellent', fr: 'Excellent' } } },
  items: [
    { id: 'clarity', en: 'Clarity of the message', fr: 'Clarté du message' },
    { id: 'structure', en: 'Structure and transitions', fr: 'Structure et transitions' },
    { id: 'pacing', en: 'Pacing and pauses', fr: 'Rythme et pauses' },
    { id: 'audience_fit', en: 'Fit for the audience', fr: 'Adaptation au public' },
    { id: 'examples', en: 'Examples and evidence', fr: 'Exemples et preuves' },
  ],
  free_text: ['strengths', 'improvements'],
} as const;

/** A blank review the peer fills in (and saves as review/review.json). */
export function reviewTemplate(): PeerReviewV1 {
  return {
    schema_version: '1.0.0',
    rubric_id: RUBRIC_ID,
    reviewer_tag: null,
    scores: Object.fromEntries(RUBRIC_ITEMS.map((item) => [item, 3])) as PeerReviewV1['scores'],
    free_text: { strengths: '', improvements: '' },
    timestamps: [],
  };
}
