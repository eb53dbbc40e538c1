/** Coach: progress, trends, mascot and blueprint (derived data). */
export interface ProgressSnapshot {
  projectId: string | null;
  sessionsTotal: number;
  attemptsTotal: number;
  runsTotal: number;
  feedbackReadyTotal: number;
  streakDays: number;
  weeklyTarget: number;
  weeklyCompleted: number;
  credits: number;
  nextMilestone: number;
  milestones: string[];
  lastPracticeAt: string | null;
  timeZone: string;
}

export interface TrendPoint {
  at: string;
  subject: 'run' | 'attempt';
  score: number;
  wpm: number | null;
  fillersPerMin: number | null;
}

export interface MascotMessage {
  id: string;
  kind: 'nudge' | 'coach' | 'celebrate';
  title: string;
  body: string;
  ctaLabel: string | null;
  ctaRoute: string | null;
}

export type BlueprintStepId = 'define' | 'structure' | 'rehearse' | 'feedback' | 'ship';

export interface BlueprintStep {
  id: BlueprintStepId;
  title: string;
  done: boolean;
  rewardCredits: number;
  ctaRoute: string;
}

export interface Blueprint {
  projectId: string;
  projectTitle: string;
  frameworkId: string;
  frameworkLabel: string;
  frameworkSummary: string;
  completionPercent: number;
  steps: BlueprintStep[];
  nextStepId: BlueprintStepId | null;
}
