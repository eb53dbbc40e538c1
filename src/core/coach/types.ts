import type { UtcTimestamp } from '../../kernel/time.js';

export interface ProgressSnapshot {
  projectId: string | null;
  /** Quest attempts plus full runs: every practice session counts. */
  sessionsTotal: number;
  attemptsTotal: number;
  runsTotal: number;
  feedbackReadyTotal: number;
  /** Consecutive local days with practice, ending today or yesterday (profile-wide: a streak belongs to the speaker). */
  streakDays: number;
  weeklyTarget: number;
  /** Sessions in the last 7 local days, today included. */
  weeklyCompleted: number;
  credits: number;
  nextMilestone: number;
  milestones: string[];
  lastPracticeAt: UtcTimestamp | null;
  timeZone: string;
}

export interface TrendPoint {
  /** The analysis the point is: the chart opens its review page. */
  feedbackId: string;
  at: UtcTimestamp;
  subject: 'run' | 'attempt';
  runId: string | null;
  score: number;
  /** The pace the band judges (over speaking time, analyzer v3+), and over the whole run, silences included. */
  wpm: number | null;
  wpmWholeRun: number | null;
  fillersPerMin: number | null;
  durationMs: number | null;
  /** Pauses of LONG_PAUSE_MIN_MS or more, and their rate over the take's duration (2 decimals). */
  longPauses: number | null;
  longPausesPerMin: number | null;
  /** Null for typed text or a take without a measured recording. */
  pitchVariabilitySemitones: number | null;
  /** The talk's target now (a run is judged against its talk's current target); null for quest attempts. */
  targetDurationSec: number | null;
}

/** A trend point as its row reads: the rate of long pauses is worked out from the count and the duration. */
export type TrendRow = Omit<TrendPoint, 'longPausesPerMin'>;

export interface MascotMessage {
  id: string;
  kind: 'nudge' | 'coach' | 'celebrate';
  title: string;
  body: string;
  ctaLabel: string | null;
  ctaRoute: string | null;
}

export interface BlueprintStep {
  id: 'define' | 'structure' | 'rehearse' | 'feedback' | 'ship';
  title: string;
  done: boolean;
  rewardCredits: number;
  ctaRoute: string;
}

export interface Blueprint {
  projectId: string;
  projectTitle: string;
  frameworkId: 'problem-solution-impact' | 'context-change-decision' | 'hook-story-proof';
  frameworkLabel: string;
  frameworkSummary: string;
  completionPercent: number;
  steps: BlueprintStep[];
  nextStepId: BlueprintStep['id'] | null;
}
