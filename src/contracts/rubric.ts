/** The peer-review rubric's items, in the order a review shows them (each scored 1-5). Zod-free: the UI imports it. */
export const RUBRIC_ITEMS = ['clarity', 'structure', 'pacing', 'audience_fit', 'examples'] as const;

export type RubricItem = (typeof RUBRIC_ITEMS)[number];
