import { z } from 'zod';
import { LocaleSchema } from './quest.js';

const Id = z.string().max(100);

export const ProgressSnapshotSchema = z
  .object({
    projectId: z.string().nullable(),
    sessionsTotal: z.number().int().nonnegative(),
    attemptsTotal: z.number().int().nonnegative(),
    runsTotal: z.number().int().nonnegative(),
    feedbackReadyTotal: z.number().int().nonnegative(),
    streakDays: z.number().int().nonnegative(),
    weeklyTarget: z.number().int().positive(),
    weeklyCompleted: z.number().int().nonnegative(),
    credits: z.number().int().nonnegative(),
    nextMilestone: z.number().int().positive(),
    milestones: z.array(z.string()),
    lastPracticeAt: z.string().nullable(),
    timeZone: z.string(),
  })
  .strict();

export const ProgressGetPayloadSchema = z
  .object({ profileId: Id, projectId: Id.optional(), timeZone: z.string().max(64).optional() })
  .strict();
export const ProgressGetResultSchema = z.object({ progress: ProgressSnapshotSchema }).strict();

export const TrendPointSchema = z
  .object({
    feedbackId: z.string(),
    at: z.string(),
    subject: z.enum(['run', 'attempt']),
    runId: z.string().nullable(),
    score: z.number(),
    wpm: z.number().nullable(),
    wpmWholeRun: z.number().nullable(),
    fillersPerMin: z.number().nullable(),
    durationMs: z.number().nullable(),
    longPauses: z.number().nullable(),
    longPausesPerMin: z.number().nullable(),
    pitchVariabilitySemitones: z.number().nullable(),
    targetDurationSec: z.number().nullable(),
  })
  .strict();
export const CoachTrendsPayloadSchema = z.object({ profileId: Id, projectId: Id.optional() }).strict();
export const CoachTrendsResultSchema = z.object({ points: z.array(TrendPointSchema) }).strict();

export const MascotMessageSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['nudge', 'coach', 'celebrate']),
    title: z.string(),
    body: z.string(),
    ctaLabel: z.string().nullable(),
    ctaRoute: z.string().nullable(),
  })
  .strict();
export const MascotPayloadSchema = z
  .object({ profileId: Id, routeName: z.string().max(64), projectId: Id.optional(), locale: LocaleSchema.optional(), timeZone: z.string().max(64).optional() })
  .strict();
export const MascotResultSchema = z.object({ message: MascotMessageSchema }).strict();

export const BlueprintSchema = z
  .object({
    projectId: z.string(),
    projectTitle: z.string(),
    frameworkId: z.enum(['problem-solution-impact', 'context-change-decision', 'hook-story-proof']),
    frameworkLabel: z.string(),
    frameworkSummary: z.string(),
    completionPercent: z.number().int().min(0).max(100),
    steps: z.array(
      z
        .object({
          id: z.enum(['define', 'structure', 'rehearse', 'feedback', 'ship']),
          title: z.string(),
          done: z.boolean(),
          rewardCredits: z.number().int(),
          ctaRoute: z.string(),
        })
        .strict(),
    ),
    nextStepId: z.enum(['define', 'structure', 'rehearse', 'feedback', 'ship']).nullable(),
  })
  .strict();
export const BlueprintPayloadSchema = z.object({ profileId: Id, projectId: Id, locale: LocaleSchema.optional() }).strict();
export const BlueprintResultSchema = z.object({ blueprint: BlueprintSchema }).strict();
