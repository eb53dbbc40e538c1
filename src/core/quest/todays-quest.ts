import { ACTION_CATALOGUE } from '../../contracts/action-catalogue.js';
import { PREFERENCE_KEYS } from '../../contracts/preference-keys.js';
import { dayBefore, localDayFormatter } from '../../kernel/local-day.js';
import { TIME_ZONE_KEY } from '../coach/index.js';
import { getProfilePreference, setProfilePreference } from '../preferences/index.js';
import { ensureTrainingProject, existingProject } from '../talk/index.js';
import type { ProfileSession } from '../workspace/index.js';
import { BOSS_RUN_AFTER_ATTEMPTS, chooseDailyQuest, RECENT_ANALYSES, type DailyQuestChoice } from './daily-quest.js';
import * as repo from './repo.js';
import type { Locale, Quest } from './types.js';

export const DAILY_QUEST_KEY = PREFERENCE_KEYS.dailyQuest;

export interface DailyQuest {
  quest: Quest;
  why: string;
  reason: DailyQuestChoice['reason'];
  focusAction: DailyQuestChoice['focusAction'];
  dueBossRun: boolean;
  day: string;
}

/**
 * Today's quest for a talk (the training talk by default), stable for the whole local day: the choice is kept in the
 * profile preference `coach.dailyQuest` and becomes "yesterday's quest" tomorrow, which the rule never repeats.
 */
export function getDailyQuest(
  session: ProfileSession,
  request: { projectId?: string | undefined; locale?: Locale | undefined; timeZone?: string | undefined; now?: Date } = {},
): DailyQuest {
  const db = session.db;
  const locale = request.locale ?? 'en';
  // Every check before any write: a refused call (an unknown time zone, a talk that does not exist) changes nothing.
  const timeZone = request.timeZone ?? getProfilePreference(session, TIME_ZONE_KEY) ?? 'UTC';
  const today = localDayFormatter(timeZone)(request.now ?? session.clock.now());
  if (request.projectId) existingProject(db, request.projectId);
  return db.transaction(() => chooseAndKeepDailyQuest(session, { ...request, locale, today })).immediate();
}

/** The daily quest's writes (the training talk when needed, the kept choice) in the caller's one transaction. */
function chooseAndKeepDailyQuest(session: ProfileSession, request: { projectId?: string | undefined; locale: Locale; today: string }): DailyQuest {
  const { db } = session;
  const { locale, today } = request;
  const projectId = request.projectId ?? ensureTrainingProject(session).id;
  const keptByProject = readKeptChoices(getProfilePreference(session, DAILY_QUEST_KEY));
  const kept = keptByProject[projectId] ?? null;
  const facts = {
    quests: repo.listQuests(db, locale),
    recentTopActions: repo.recentTopActions(db, RECENT_ANALYSES),
    lastAttemptAt: repo.lastAttemptPerQuest(db, projectId),
    yesterdayCode: kept && kept.day === dayBefore(today) ? kept.code : null,
    attemptsSinceLastRun: repo.attemptsSinceLastRun(db),
  };
  const keptToday = kept && kept.day === today ? repo.findQuest(db, kept.code, locale) : null;
  const choice: DailyQuestChoice = keptToday
    ? { quest: keptToday, reason: kept!.reason, focusAction: kept!.focusAction, dueBossRun: facts.attemptsSinceLastRun >= BOSS_RUN_AFTER_ATTEMPTS }
    : chooseDailyQuest(facts);
  if (!keptToday) {
    const record = { day: today, projectId, code: choice.quest.code, reason: choice.reason, focusAction: choice.focusAction };
    setProfilePreference(session, DAILY_QUEST_KEY, JSON.stringify(withChoice(keptByProject, record)));
  }
  return { ...choice, why: explainChoice(choice, locale), day: today };
}

interface KeptChoice {
  day: string;
  projectId: string;
  code: string;
  reason: DailyQuestChoice['reason'];
  focusAction: DailyQuestChoice['focusAction'];
}

/** The kept choices, one per talk (so asking about another talk does not forget this one's "yesterday"). */
function readKeptChoices(value: string | null): Record<string, KeptChoice> {
  if (!value) return {};
  try {
    const parsed = JSON.parse(value) as Record<string, Partial<KeptChoice>>;
    const choices: Record<string, KeptChoice> = {};
    for (const [projectId, c] of Object.entries(parsed)) {
      if (typeof c?.day === 'string' && typeof c.code === 'string') {
        choices[projectId] = { day: c.day, projectId, code: c.code, reason: c.reason ?? 'not_tried_yet', focusAction: c.focusAction ?? null };
      }
    }
    return choices;
  } catch {
    return {};
  }
}

/** Adds this talk's choice, keeping the 20 most recent talks' so the preference stays small. */
function withChoice(choices: Record<string, KeptChoice>, choice: KeptChoice): Record<string, KeptChoice> {
  const all = { ...choices, [choice.projectId]: choice };
  const newest = Object.values(all).sort((a, b) => (a.day < b.day ? 1 : -1)).slice(0, 20);
  return Object.fromEntries(newest.map((c) => [c.projectId, c]));
}

function explainChoice(choice: DailyQuestChoice, locale: Locale): string {
  const fr = locale === 'fr';
  if (choice.reason === 'weakest_area' && choice.focusAction) {
    const action = ACTION_CATALOGUE[choice.focusAction].title[locale];
    return fr ? `Vos derniers retours pointent surtout ceci : « ${action} ». Cette quête l’entraîne.` : `Your recent feedback points mostly to this: “${action}”. This quest trains it.`;
  }
  if (choice.reason === 'not_tried_yet') return fr ? 'Vous n’avez pas encore essayé cette quête sur cet exposé.' : 'You have not tried this quest on this talk yet.';
  return fr ? 'C’est la quête que vous n’avez pas pratiquée depuis le plus longtemps.' : 'This is the quest you have practised least recently.';
}
