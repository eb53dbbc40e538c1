/** FeedbackV1 and what surrounds it (context, notes, timeline). Types inferred from the shared contracts (type-only). */
import type { z } from 'zod';
import type {
  FeedbackMetricsSchema,
  FeedbackV1Schema,
  LanguageCoachingSchema,
  LanguageMomentSchema,
  LocalizedTextSchema,
  TimedCommentSchema,
  TopActionSchema,
  WpmBandSchema,
} from '../../../../src/contracts/feedback-v1.js';
import type {
  AnalysisResultSchema,
  FeedbackContextSchema,
  FeedbackNoteSchema,
  FeedbackReviewSchema,
  TimelineItemSchema,
} from '../../../../src/contracts/feedback.js';

export type LocalizedText = z.infer<typeof LocalizedTextSchema>;
export type WpmBand = z.infer<typeof WpmBandSchema>;
export type TopAction = z.infer<typeof TopActionSchema>;
export type TimedComment = z.infer<typeof TimedCommentSchema>;
export type FeedbackMetrics = z.infer<typeof FeedbackMetricsSchema>;
export type DeliveryMetrics = NonNullable<FeedbackMetrics['delivery']>;
export type FeedbackV1 = z.infer<typeof FeedbackV1Schema>;
export type LanguageCoaching = z.infer<typeof LanguageCoachingSchema>;
export type LanguageMoment = z.infer<typeof LanguageMomentSchema>;
export type FeedbackContext = z.infer<typeof FeedbackContextSchema>;
export type FeedbackNote = z.infer<typeof FeedbackNoteSchema>;
export type TimelineItem = z.infer<typeof TimelineItemSchema>;
export type AnalysisResult = z.infer<typeof AnalysisResultSchema>;

export type FeedbackReview = z.infer<typeof FeedbackReviewSchema>;
export type ReviewWord = FeedbackReview['words'][number];
