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
  wpm: number | null;
  fillersPerMin: number | null;
  durationMs: number | null;
}

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
