import { PREFERENCE_KEYS } from '../../contracts/preference-keys.js';
import type { Locale } from '../../contracts/locale.js';
import type { Database } from 'better-sqlite3';
import { getProfilePreference } from '../preferences/index.js';
import { dailyQuestDoneAt } from '../quest/index.js';
import { ensureTrainingProject, existingProject } from '../talk/index.js';
import type { Project } from '../talk/index.js';
import type { ProfileSession } from '../workspace/index.js';
import { FRAMEWORKS, mascotCopy, STEP_TITLES } from './copy.js';
import { dayBefore, localDayFormatter, streakDays } from '../../kernel/local-day.js';
import * as repo from './repo.js';
import type { Blueprint, BlueprintStep, MascotMessage, ProgressSnapshot, TrendPoint, TrendRow } from './types.js';

export type * from './types.js';

export const WEEKLY_TARGET_KEY = PREFERENCE_KEYS.weeklyTarget;
export const TIME_ZONE_KEY = PREFERENCE_KEYS.timeZone;
const DEFAULT_WEEKLY_TARGET = 5;
const FRESH_FEEDBACK_MS = 24 * 3600_000;

export interface ProgressRequest {
  projectId?: string | undefined;
  timeZone?: string | undefined;
  now?: Date;
}

/**
 * Counts (for one talk, or the whole profile) every practice session, quest attempts and full runs alike; the streak
 * is the speaker's, counted over the whole profile in their local days; the weekly target is a profile preference.
 * Credits = 10 per session + 5 per session with feedback + 2 per streak day (up to 14); milestones every 50 credits.
 */
export function progressSnapshot(session: ProfileSession, request: ProgressRequest = {}): ProgressSnapshot {
  const db = session.db;
  const projectId = request.projectId ?? null;
  if (projectId) existingProject(db, projectId);
  const timeZone = request.timeZone ?? getProfilePreference(session, TIME_ZONE_KEY) ?? 'UTC';
  const dayOf = localDayFormatter(timeZone);
  const today = dayOf(request.now ?? session.clock.now());
  const weekStart = dayBefore(today, 6);
  const recent = recentPractice(db, dayOf, today);
  const totals = projectId ? totalsOfProject(repo.listSessionsOfProject(db, projectId), dayOf, weekStart) : { ...profileTotals(db), ...recent };
  const credits = 10 * totals.sessions + 5 * totals.feedbackReady + 2 * Math.min(recent.streak, 14);
  const weeklyTarget = weeklyTargetOf(session);
  return {
    projectId,
    sessionsTotal: totals.sessions,
    attemptsTotal: totals.attempts,
    runsTotal: totals.runs,
    feedbackReadyTotal: totals.feedbackReady,
    streakDays: recent.streak,
    weeklyTarget,
    weeklyCompleted: totals.weekly,
    credits,
    nextMilestone: (Math.floor(credits / 50) + 1) * 50,
    milestones: [
      ...(recent.streak >= 3 ? ['streak-3'] : []),
      ...(recent.streak >= 7 ? ['streak-7'] : []),
      ...(credits >= 100 ? ['credits-100'] : []),
      ...(totals.weekly >= weeklyTarget ? ['weekly-target'] : []),
    ],
    lastPracticeAt: totals.lastPracticeAt,
    timeZone,
  };
}

interface RecentPractice {
  streak: number;
  /** Sessions in the last 7 local days, today included. */
  weekly: number;
  lastPracticeAt: string | null;
}

/**
 * The streak, the week and the last practice of the whole profile, read newest first and only as far back as they
 * need: past the week, reading stops at the first day that does not continue the streak.
 */
function recentPractice(db: Database, dayOf: (at: string) => string, today: string): RecentPractice {
  const weekStart = dayBefore(today, 6);
  const days = new Set<string>();
  let weekly = 0;
  let lastPracticeAt: string | null = null;
  let oldestStreakDay: string | null = null;
  for (const { createdAt } of repo.sessionTimesNewestFirst(db)) {
    const day = dayOf(createdAt);
    lastPracticeAt ??= createdAt;
    const continuesStreak =
      oldestStreakDay === null ? day === today || day === dayBefore(today) : day === oldestStreakDay || day === dayBefore(oldestStreakDay);
    if (continuesStreak) oldestStreakDay = day;
    if (day < weekStart && !continuesStreak) break;
    if (day >= weekStart) weekly += 1;
    days.add(day);
  }
  return { streak: streakDays(days, today), weekly, lastPracticeAt };
}

interface Totals {
  sessions: number;
  attempts: number;
  runs: number;
  feedbackReady: number;
  weekly: number;
  lastPracticeAt: string | null;
}

function totalsOfProject(sessions: repo.SessionRow[], dayOf: (at: string) => string, weekStart: string): Totals {
  return {
    sessions: sessions.length,
    attempts: sessions.filter((s) => s.kind === 'attempt').length,
    runs: sessions.filter((s) => s.kind === 'run').length,
    feedbackReady: sessions.filter((s) => s.hasFeedback === 1).length,
    weekly: sessions.filter((s) => dayOf(s.createdAt) >= weekStart).length,
    lastPracticeAt: sessions.map((s) => s.createdAt).sort().at(-1) ?? null,
  };
}

function profileTotals(db: Database): Pick<Totals, 'sessions' | 'attempts' | 'runs' | 'feedbackReady'> {
  const counted = repo.countSessionsOfProfile(db);
  return {
    sessions: counted.attempts + counted.runs,
    attempts: counted.attempts,
    runs: counted.runs,
    feedbackReady: counted.attemptsWithFeedback + counted.runsWithFeedback,
  };
}

/**
 * The key numbers of every analysis, oldest first, for the progress charts: read from the feedback rows (migrations
 * 0003 and 0009), never by opening each feedback file.
 */
export function trends(session: ProfileSession, projectId?: string): TrendPoint[] {
  const db = session.db;
  if (projectId) existingProject(db, projectId);
  return repo.listTrends(db, projectId ?? null).map((row) => ({ ...row, longPausesPerMin: longPausesPerMinute(row) }));
}

/** Long pauses a minute of the take, to 2 decimals; unknown without both the count and a duration. */
function longPausesPerMinute(row: TrendRow): number | null {
  if (row.longPauses === null || row.durationMs === null || row.durationMs === 0) return null;
  return Math.round((row.longPauses * 60_000 * 100) / row.durationMs) / 100;
}

/**
 * The mascot's message for a page (`training`, `talks`, `feedback`, anything else), first matching rule wins. Unlike
 * the reference, feedback only counts as fresh while it is under a day old and its review page has not been shown
 * yet; and once today's quest is done, the Training page says so instead of a nudge.
 */
export function mascotMessage(
  session: ProfileSession,
  request: { routeName: string; projectId?: string | undefined; locale?: Locale; timeZone?: string | undefined; now?: Date },
): MascotMessage {
  const route = request.routeName.trim().toLowerCase();
  const copy = mascotCopy(request.locale ?? 'en');
  const project = request.projectId ? existingProject(session.db, request.projectId) : ensureTrainingProject(session);
  const now = request.now ?? session.clock.now();
  const progress = progressSnapshot(session, { projectId: project.id, timeZone: request.timeZone, now });
  const freeQuest = `/quest/FREE?projectId=${project.id}&from=${route || 'training'}`;
  // The button opens the profile's feedback list: the count is of the same list, every talk and quest alike.
  const freshFeedback = repo.countUnopenedFeedbackSince(session.db, new Date(now.getTime() - FRESH_FEEDBACK_MS).toISOString());
  // "Your first take" only for a speaker who has practised nowhere yet: a run of any talk counts, not only quests.
  const practisedAnywhere = progressSnapshot(session, { timeZone: request.timeZone, now }).sessionsTotal > 0;
  if (route === 'training' && !practisedAnywhere) return { ...copy.firstQuest(), ctaRoute: freeQuest };
  if (route === 'training' && freshFeedback > 0) return { ...copy.feedbackReady(freshFeedback), ctaRoute: '/feedback' };
  if (route === 'training' && dailyQuestDoneAt(session, { projectId: project.id, timeZone: request.timeZone, now })) {
    return { ...copy.dailyDone(), ctaRoute: freeQuest };
  }
  if (route === 'training' && progress.streakDays >= 3) return { ...copy.streak(progress.streakDays), ctaRoute: freeQuest };
  if (route === 'talks') {
    return { ...copy.talksNextAction(Math.max(progress.weeklyTarget - progress.weeklyCompleted, 0)), ctaRoute: '/training' };
  }
  if (route === 'feedback') return { ...copy.feedbackIterate(), ctaRoute: freeQuest };
  return { ...copy.steady(), ctaRoute: freeQuest };
}

/** The talk's framework (from its goal and audience) and its five steps, with what is done. */
export function blueprint(session: ProfileSession, projectId: string, locale: Locale = 'en'): Blueprint {
  const db = session.db;
  const project = existingProject(db, projectId);
  const frameworkId = chooseFramework(project);
  const sessions = repo.listSessionsOfProject(db, projectId);
  const done: Record<BlueprintStep['id'], boolean> = {
    define: Boolean(project.audience && project.goal && project.durationTargetSec),
    structure: repo.outlineLength(db, projectId) > 20,
    rehearse: sessions.length > 0,
    feedback: sessions.some((s) => s.hasFeedback === 1),
    ship: project.stage === 'export',
  };
  const rewards: Record<BlueprintStep['id'], number> = { define: 20, structure: 30, rehearse: 25, feedback: 25, ship: 40 };
  const routes: Record<BlueprintStep['id'], string> = {
    define: `/talks/${projectId}/define`,
    structure: `/talks/${projectId}/builder`,
    rehearse: `/talks/${projectId}/train`,
    feedback: `/talks/${projectId}/train`,
    ship: `/talks/${projectId}/export`,
  };
  const steps = (Object.keys(done) as BlueprintStep['id'][]).map((id) => ({
    id,
    title: STEP_TITLES[id][locale],
    done: done[id],
    rewardCredits: rewards[id],
    ctaRoute: routes[id],
  }));
  return {
    projectId,
    projectTitle: project.title,
    frameworkId,
    frameworkLabel: FRAMEWORKS[frameworkId][locale].label,
    frameworkSummary: FRAMEWORKS[frameworkId][locale].summary,
    completionPercent: Math.floor((steps.filter((s) => s.done).length * 100) / steps.length),
    steps,
    nextStepId: steps.find((s) => !s.done)?.id ?? null,
  };
}

/** Persuasion goals get Problem-Solution-Impact; status updates and leadership audiences get Context-Change-Decision. */
function chooseFramework(project: Project): Blueprint['frameworkId'] {
  const goal = (project.goal ?? '').toLowerCase();
  const audience = (project.audience ?? '').toLowerCase();
  if (/convince|persuade|buy-in|align|convaincre|persuader|adhésion/.test(goal)) return 'problem-solution-impact';
  if (/update|status|point d’étape|point d'étape|statut/.test(goal) || /leadership|manager|exec|direction|comex/.test(audience)) {
    return 'context-change-decision';
  }
  return 'hook-story-proof';
}

function weeklyTargetOf(session: ProfileSession): number {
  const raw = Number(getProfilePreference(session, WEEKLY_TARGET_KEY));
  return Number.isInteger(raw) && raw >= 1 && raw <= 50 ? raw : DEFAULT_WEEKLY_TARGET;
}
