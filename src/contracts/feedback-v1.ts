import { z } from 'zod';

/**
 * FeedbackV1: what the analyzer returns and what is stored as the feedback artifact.
 *
 * Texts meant for the speaker (action titles, comment labels...) carry both languages, `{ en, fr }`, instead of being
 * picked by the transcript's language: the talk's language and the interface's language are independent (a French
 * speaker rehearsing an English talk reads French advice), and the UI picks the one it shows.
 */
export const LocalizedTextSchema = z.object({ en: z.string().min(1), fr: z.string().min(1) }).strict();

export const WpmBandSchema = z.enum(['too_slow', 'slow', 'ideal', 'fast', 'too_fast']);

export const ActionIdSchema = z.enum([
  'reduce_fillers',
  'slow_down',
  'speed_up',
  'shorten_sentences',
  'vary_terms',
  'fewer_long_pauses',
  'fit_target_duration',
  'vary_pitch',
  'speak_up',
  'ease_off_the_mic',
]);

/** The quest catalogue codes an action may send the speaker to. */
export const QuestCodeSchema = z.enum([
  'A01', 'A02', 'S01', 'S02', 'S03', 'D01', 'D02', 'D03', 'P01', 'P02', 'P03', 'F01', 'C01', 'C02', 'Q01', 'Q02',
]);

/** The metrics an action may cite: each is a field of the metrics (or of metrics.delivery) shown on the same page. */
export const CitedMetricSchema = z.enum([
  'fillersPerMin',
  'fillersPer100Words',
  'wpm',
  'avgSentenceWords',
  'repeatedTerms',
  'longPauses',
  'durationMs',
  'pitchVariabilitySemitones',
  'loudnessDbfs',
  'clippingRatio',
]);

/**
 * The measurement that triggered an action: its value as published in the metrics, and the limit it crossed (the
 * band's edge, from src/contracts/feedback-rules.ts), so the page can say "because 4.2 fillers a minute, over 2".
 */
export const CitationSchema = z.object({ metric: CitedMetricSchema, value: z.number(), limit: z.number() }).strict();

export const TopActionSchema = z
  .object({
    id: ActionIdSchema,
    title: LocalizedTextSchema,
    why: LocalizedTextSchema,
    how: LocalizedTextSchema,
    targetQuestCodes: z.array(QuestCodeSchema).min(1).max(3),
    /** Absent on feedback made before analyzer v3. */
    cites: CitationSchema.optional(),
  })
  .strict();

export const SeveritySchema = z.enum(['info', 'warning', 'critical']);

export const TimedCommentSchema = z
  .object({
    tStartMs: z.number().int().nonnegative(),
    tEndMs: z.number().int().nonnegative(),
    severity: SeveritySchema,
    label: LocalizedTextSchema,
    suggestion: LocalizedTextSchema,
  })
  .strict()
  .refine((comment) => comment.tEndMs >= comment.tStartMs, { message: 'tEndMs must not be before tStartMs' });

const count = z.number().int().nonnegative();
const ratio = z.number().nonnegative();

/** Time-based metrics are null when the duration (or, for pauses, the timing) is unknown: never an estimate. */
export const FeedbackMetricsSchema = z
  .object({
    durationMs: count.nullable(),
    words: count,
    wpm: count.nullable(),
    wpmBand: WpmBandSchema.nullable(),
    fillers: count,
    fillersPerMin: ratio.nullable(),
    fillerBreakdown: z.record(z.string().min(1), z.number().int().positive()),
    pauses: count.nullable(),
    longPauses: count.nullable(),
    sentences: count,
    avgSentenceWords: ratio,
    longSentences: count,
    /**
     * How sentences were cut (analyzer v3+): at punctuation for typed or punctuated text, at pauses of 300 ms or more
     * for recognised speech without punctuation (a recogniser's unpunctuated output is one "sentence" otherwise).
     */
    sentenceSource: z.enum(['punctuation', 'pauses']).optional(),
    /** Words per minute over the whole run, silences included (analyzer v3+); `wpm` is what the band judges. */
    wpmWholeRun: count.nullable().optional(),
    /** Words per minute over the time with speech alone, every pause left out (analyzer v4+): shown, never judged. */
    wpmSpeakingTime: count.nullable().optional(),
    /**
     * What `wpm` and its band are measured over: from the first word to the last one, natural pauses included (analyzer
     * v4+), or the whole run (words without times). Analyzer v3 judged `speaking_time` (decision 0014 says why no more).
     */
    wpmBasis: z.enum(['speech_span', 'speaking_time', 'whole_run']).nullable().optional(),
    repeatedTerms: z.array(z.string().min(1)).max(5),
    jargonTerms: z.array(z.string().min(1)).max(10),
    /** From the recording itself; null for typed text or a take without audio metrics. */
    delivery: z
      .object({
        pitchVariabilitySemitones: ratio.nullable(),
        monotone: z.boolean().nullable(),
        loudnessDbfs: z.number(),
        tooQuiet: z.boolean(),
        clippingRatio: z.number().min(0).max(1),
      })
      .strict()
      .nullable(),
  })
  .strict()
  .refine((metrics) => (metrics.wpm === null) === (metrics.wpmBand === null), { message: 'wpmBand goes with wpm' })
  .refine((metrics) => (metrics.pauses === null) === (metrics.longPauses === null), {
    message: 'longPauses goes with pauses',
  });

/** Findings of language coaching are listed with at most this many moments each (the count says how many in all). */
export const LANGUAGE_MOMENTS_MAX = 20;
export const REPETITIONS_MAX = 5;
export const HEDGE_LABELS_MAX = 12;

/**
 * A moment of the take where a finding happens: the words as said, and when they were said. Times are null when the
 * transcript has no timing (typed text): the words are still shown, never at an invented time.
 */
export const LanguageMomentSchema = z
  .object({
    tStartMs: z.number().int().nonnegative().nullable(),
    tEndMs: z.number().int().nonnegative().nullable(),
    text: z.string().min(1).max(200),
  })
  .strict()
  .refine((moment) => (moment.tStartMs === null) === (moment.tEndMs === null), { message: 'tStartMs and tEndMs go together' })
  .refine((moment) => moment.tStartMs === null || moment.tEndMs! >= moment.tStartMs, { message: 'tEndMs must not be before tStartMs' });

const LanguageFindingShape = {
  /** The word or phrase (a repetition's counted form, a hedge's label). */
  text: z.string().min(1).max(100),
  count: z.number().int().positive(),
  /** The first LANGUAGE_MOMENTS_MAX moments, in time order. */
  moments: z.array(LanguageMomentSchema).min(1).max(LANGUAGE_MOMENTS_MAX),
};

/**
 * Language coaching (analyzer v3 and later): words and phrases used far more than the talk's norm, hedges, and a weak
 * first or last phrase, each with its moments, so the transcript can mark them.
 */
export const LanguageCoachingSchema = z
  .object({
    repetitions: z.array(z.object({ ...LanguageFindingShape, kind: z.enum(['word', 'phrase']) }).strict()).max(REPETITIONS_MAX),
    hedges: z.array(z.object(LanguageFindingShape).strict()).max(HEDGE_LABELS_MAX),
    weakOpener: LanguageMomentSchema.nullable(),
    weakCloser: LanguageMomentSchema.nullable(),
  })
  .strict();

export const FeedbackV1Schema = z
  .object({
    schemaVersion: z.literal(1),
    // Not a literal: later analyzers still produce FeedbackV1, and stored v2 feedback must stay valid next to them.
    analyzerVersion: z.number().int().positive(),
    language: z.enum(['en', 'fr']),
    overallScore: z.number().int().min(0).max(100),
    metrics: FeedbackMetricsSchema,
    topActions: z.array(TopActionSchema).max(2),
    comments: z.array(TimedCommentSchema).max(7),
    /** Absent from feedback made before analyzer v3: a re-analysis adds it. */
    languageCoaching: LanguageCoachingSchema.optional(),
  })
  .strict();

export type LocalizedText = z.infer<typeof LocalizedTextSchema>;
export type WpmBand = z.infer<typeof WpmBandSchema>;
export type ActionId = z.infer<typeof ActionIdSchema>;
export type QuestCode = z.infer<typeof QuestCodeSchema>;
export type TopAction = z.infer<typeof TopActionSchema>;
export type Citation = z.infer<typeof CitationSchema>;
export type CitedMetric = z.infer<typeof CitedMetricSchema>;
export type Severity = z.infer<typeof SeveritySchema>;
export type TimedComment = z.infer<typeof TimedCommentSchema>;
export type FeedbackMetrics = z.infer<typeof FeedbackMetricsSchema>;
export type LanguageMoment = z.infer<typeof LanguageMomentSchema>;
export type LanguageCoaching = z.infer<typeof LanguageCoachingSchema>;
export type FeedbackV1 = z.infer<typeof FeedbackV1Schema>;
