import { z } from 'zod';
import { FeedbackV1Schema } from './feedback-v1.js';
import { LocaleSchema } from './quest.js';
import { ScriptAdherenceSchema } from './transcription.js';

const Id = z.string().max(100);

export const RunAnalyzePayloadSchema = z.object({ profileId: Id, runId: Id, force: z.boolean().optional() }).strict();
export const AnalyzeAttemptPayloadSchema = z.object({ profileId: Id, attemptId: Id, force: z.boolean().optional() }).strict();
export const AnalysisResultSchema = z.object({ feedbackId: z.string(), created: z.boolean() }).strict();

export const FeedbackRefPayloadSchema = z.object({ profileId: Id, feedbackId: Id, locale: LocaleSchema.optional() }).strict();
export const FeedbackGetResultSchema = z.object({ feedback: FeedbackV1Schema }).strict();

export const FeedbackContextSchema = z
  .object({
    feedbackId: z.string(),
    subjectType: z.enum(['run', 'quest_attempt']),
    projectId: z.string(),
    runId: z.string().nullable(),
    attemptId: z.string().nullable(),
    questCode: z.string().nullable(),
    questTitle: z.string().nullable(),
  })
  .strict();
export const FeedbackContextResultSchema = z.object({ context: FeedbackContextSchema }).strict();

const span = { tStartMs: z.number().int().nonnegative(), tEndMs: z.number().int().nonnegative() };

/**
 * What the review page shows around a feedback: the subject's recording (its id, and the waveform as peaks 0..1) and
 * its transcript word by word, with what the feedback's rules mark (fillers, fast passages, pauses), and the script
 * adherence of an aligned take. Words of typed text have no times (0): nothing to seek.
 */
export const FeedbackReviewSchema = z
  .object({
    feedbackId: z.string(),
    audioArtifactId: z.string().nullable(),
    durationMs: z.number().int().nonnegative().nullable(),
    peaks: z.array(z.number().min(0).max(1)),
    words: z.array(z.object({ text: z.string(), ...span, filler: z.boolean(), fast: z.boolean() }).strict()),
    pauses: z.array(z.object({ ...span, long: z.boolean() }).strict()),
    fastPassages: z.array(z.object({ ...span, peakWpm: z.number().int() }).strict()),
    /** How the take followed the script it was aligned with (null: transcribed without a script, typed or edited). */
    scriptAdherence: ScriptAdherenceSchema.nullable(),
  })
  .strict();
export const FeedbackReviewResultSchema = z.object({ review: FeedbackReviewSchema }).strict();

export const FeedbackNumbersPayloadSchema = z.object({ profileId: Id, feedbackIds: z.array(Id).max(100) }).strict();
export const FeedbackNumbersResultSchema = z
  .object({
    numbers: z.array(
      z.object({ feedbackId: z.string(), overallScore: z.number().int(), durationMs: z.number().int().nullable(), wpm: z.number().int().nullable() }).strict(),
    ),
  })
  .strict();

export const TimelineItemSchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    overallScore: z.number().int(),
    subjectType: z.enum(['run', 'quest_attempt']),
    projectId: z.string(),
    runId: z.string().nullable(),
    attemptId: z.string().nullable(),
    questCode: z.string().nullable(),
    questTitle: z.string().nullable(),
    noteUpdatedAt: z.string().nullable(),
    /** When its review page was first shown; null: not read yet (the list marks it new). */
    openedAt: z.string().nullable(),
  })
  .strict();
export const FeedbackTimelinePayloadSchema = z
  .object({ profileId: Id, projectId: Id.optional(), limit: z.number().optional(), locale: LocaleSchema.optional() })
  .strict();
export const FeedbackTimelineResultSchema = z.object({ items: z.array(TimelineItemSchema) }).strict();

export const FeedbackNoteSchema = z
  .object({ feedbackId: z.string(), text: z.string().nullable(), updatedAt: z.string().nullable() })
  .strict();
export const FeedbackNoteSetPayloadSchema = z.object({ profileId: Id, feedbackId: Id, note: z.string().max(100_000) }).strict();
export const FeedbackNoteResultSchema = z.object({ note: FeedbackNoteSchema }).strict();

/** The review page says it was shown: the feedback is opened (the first time is kept). */
export const FeedbackMarkOpenedPayloadSchema = z.object({ profileId: Id, feedbackId: Id }).strict();
export const FeedbackOpenedResultSchema = z.object({ feedbackId: z.string(), openedAt: z.string() }).strict();
