import { z } from 'zod';
import { LOCALES } from './locale.js';

const Id = z.string().max(100);
const Code = z.string().max(32);
export const LocaleSchema = z.enum(LOCALES);

export const QuestSchema = z
  .object({
    code: z.string(),
    category: z.enum(['start', 'structure', 'delivery', 'pacing', 'fillers', 'closing', 'qa', 'free']),
    outputType: z.enum(['text', 'audio']),
    estimatedSec: z.number().int().positive(),
    targetsIssues: z.array(z.string()),
    title: z.string(),
    prompt: z.string(),
    sortOrder: z.number().int(),
  })
  .strict();

export const QuestAttemptSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    questCode: z.string(),
    createdAt: z.string(),
    outputText: z.string().nullable(),
    audioArtifactId: z.string().nullable(),
    transcriptId: z.string().nullable(),
    feedbackId: z.string().nullable(),
  })
  .strict();

export const AttemptListItemSchema = z
  .object({
    id: z.string(),
    questCode: z.string(),
    questTitle: z.string(),
    outputType: z.enum(['text', 'audio']),
    createdAt: z.string(),
    hasAudio: z.boolean(),
    hasTranscript: z.boolean(),
    hasFeedback: z.boolean(),
    feedbackId: z.string().nullable(),
  })
  .strict();

export const QuestListPayloadSchema = z.object({ profileId: Id, locale: LocaleSchema.optional() }).strict();
export const QuestListResultSchema = z.object({ quests: z.array(QuestSchema) }).strict();
export const QuestGetPayloadSchema = z.object({ profileId: Id, questCode: Code, locale: LocaleSchema.optional() }).strict();
export const QuestResultSchema = z.object({ quest: QuestSchema }).strict();

export const QuestSubmitTextPayloadSchema = z
  .object({ profileId: Id, projectId: Id, questCode: Code, text: z.string().max(200_000) })
  .strict();
export const QuestSubmitAudioPayloadSchema = z
  .object({ profileId: Id, projectId: Id, questCode: Code, audioArtifactId: Id, transcriptId: Id.nullable().optional() })
  .strict();
export const QuestAttemptResultSchema = z.object({ attempt: QuestAttemptSchema }).strict();

export const QuestAttemptsListPayloadSchema = z
  .object({ profileId: Id, projectId: Id, limit: z.number().optional(), locale: LocaleSchema.optional() })
  .strict();
export const QuestAttemptsListResultSchema = z.object({ attempts: z.array(AttemptListItemSchema) }).strict();

export const QuestReportPayloadSchema = z.object({ profileId: Id, projectId: Id, locale: LocaleSchema.optional() }).strict();
export const QuestReportResultSchema = z
  .object({ lines: z.array(z.object({ quest: QuestSchema, latestAttempt: AttemptListItemSchema.nullable() }).strict()) })
  .strict();

export const QuestGetDailyPayloadSchema = z
  .object({ profileId: Id, projectId: Id.optional(), locale: LocaleSchema.optional(), timeZone: z.string().max(64).optional() })
  .strict();
export const QuestGetDailyResultSchema = z
  .object({
    daily: z
      .object({
        quest: QuestSchema,
        why: z.string(),
        reason: z.enum(['weakest_area', 'not_tried_yet', 'least_recent']),
        focusAction: z.string().nullable(),
        dueBossRun: z.boolean(),
        day: z.string(),
        /** When today's quest was done on this talk (its newest attempt today, local day), or null. */
        doneAt: z.string().nullable(),
      })
      .strict(),
  })
  .strict();
