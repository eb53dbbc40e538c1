import { PREFERENCE_KEYS } from '../../contracts/preference-keys.js';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../kernel/errors.js';
import { clampLimit } from '../../kernel/list-limit.js';
import { newId } from '../../kernel/ids.js';
import { nowUtc } from '../../kernel/time.js';
import { dayBefore, localDayFormatter } from '../../kernel/local-day.js';
import { TIME_ZONE_KEY } from '../coach/index.js';
import { ACTION_CATALOGUE } from '../../contracts/action-catalogue.js';
import { getProfilePreference, setProfilePreference } from '../preferences/index.js';
import { ensureTrainingProject, existingProject } from '../talk/index.js';
import { BOSS_RUN_AFTER_ATTEMPTS, chooseDailyQuest, RECENT_ANALYSES, type DailyQuestChoice } from './daily-quest.js';
import type { ProfileSession } from '../workspace/index.js';
import * as repo from './repo.js';
import {
  ATTEMPT_LIST_DEFAULT,
  ATTEMPT_LIST_MAX,
  ATTEMPT_TEXT_MAX,
  type AttemptListItem,
  type Locale,
  type Quest,
  type QuestAttempt,
  type QuestReportLine,
} from './types.js';

export type * from './types.js';

/** Row-level steps for a write that spans contexts in one transaction (a transcription linked to its attempt). */
export { findAttemptByAudio, setAttemptTranscript } from './repo.js';

export function listQuests(session: ProfileSession, locale: Locale = 'en'): Quest[] {
  return repo.listQuests(session.db, locale);
}

export function getQuest(session: ProfileSession, code: string, locale: Locale = 'en'): Quest {
  return existingQuest(session.db, code, locale);
}

/** A written answer to a text quest. */
export function submitText(session: ProfileSession, projectId: string, questCode: string, rawText: string): QuestAttempt {
  const db = session.db;
  const text = rawText.trim();
  if (text.length === 0) throw new AppError('attempt_text_empty', 'Write an answer before submitting.');
  if ([...text].length > ATTEMPT_TEXT_MAX) throw new AppError('attempt_text_too_long', `An answer holds at most ${ATTEMPT_TEXT_MAX} characters.`);
  const id = newId('att');
  db.transaction(() => {
    existingProject(db, projectId);
    assertOutputType(existingQuest(db, questCode), 'text');
    repo.insertAttempt(db, { id, projectId, questCode, createdAt: nowUtc(session.clock), outputText: text, audioArtifactId: null, transcriptId: null });
  }).immediate();
  return repo.findAttempt(db, id)!;
}

/**
 * A recorded take of an audio quest. One attempt per recording: submitting the same recording again returns that
 * attempt, attaching the transcript when one is given (the recording is usually transcribed after the first submit).
 */
export function submitAudio(session: ProfileSession,
  input: { projectId: string; questCode: string; audioArtifactId: string; transcriptId?: string | null },
): QuestAttempt {
  const db = session.db;
  const artifacts = session.artifacts;
  const attemptId = db
    .transaction(() => {
      existingProject(db, input.projectId);
      assertOutputType(existingQuest(db, input.questCode), 'audio');
      artifacts.getOfType(input.audioArtifactId, 'audio');
      if (input.transcriptId) artifacts.getOfType(input.transcriptId, 'transcript');
      const existing = repo.findAttemptByAudio(db, input.audioArtifactId);
      if (existing) {
        if (existing.projectId !== input.projectId || existing.questCode !== input.questCode) {
          throw new AppError('attempt_audio_in_use', 'This recording already belongs to another attempt.');
        }
        if (input.transcriptId && input.transcriptId !== existing.transcriptId) repo.setAttemptTranscript(db, existing.id, input.transcriptId);
        return existing.id;
      }
      const id = newId('att');
      repo.insertAttempt(db, {
        id,
        projectId: input.projectId,
        questCode: input.questCode,
        createdAt: nowUtc(session.clock),
        outputText: null,
        audioArtifactId: input.audioArtifactId,
        transcriptId: input.transcriptId ?? null,
      });
      return id;
    })
    .immediate();
  return repo.findAttempt(db, attemptId)!;
}

/** Newest first; the limit defaults to 6 and is clamped to 1..100. */
export function listAttempts(session: ProfileSession, projectId: string, limit?: number, locale: Locale = 'en'): AttemptListItem[] {
  const db = session.db;
  existingProject(db, projectId);
  const titles = questTitles(db, locale);
  return repo.listAttempts(db, projectId, clampLimit(limit, ATTEMPT_LIST_DEFAULT, ATTEMPT_LIST_MAX)).map((attempt) => toListItem(attempt, titles));
}

/** Every quest with the latest attempt at it on this talk (null when never tried). */
export function questReport(session: ProfileSession, projectId: string, locale: Locale = 'en'): QuestReportLine[] {
  const db = session.db;
  existingProject(db, projectId);
  const titles = questTitles(db, locale);
  const latest = new Map(repo.latestAttemptPerQuest(db, projectId).map((attempt) => [attempt.questCode, attempt]));
  return repo.listQuests(db, locale).map((quest) => {
    const attempt = latest.get(quest.code);
    return { quest, latestAttempt: attempt ? toListItem(attempt, titles) : null };
  });
}

export function existingAttempt(db: Database, attemptId: string): QuestAttempt {
  const attempt = repo.findAttempt(db, attemptId);
  if (!attempt) throw new AppError('attempt_not_found', 'No quest attempt with this id exists in this profile.');
  return attempt;
}

export function existingQuest(db: Database, code: string, locale: Locale = 'en'): Quest {
  const quest = repo.findQuest(db, code, locale);
  if (!quest) throw new AppError('quest_not_found', 'No quest with this code exists.');
  return quest;
}

function assertOutputType(quest: Quest, expected: Quest['outputType']): void {
  if (quest.outputType !== expected) {
    throw new AppError('quest_output_type_mismatch', `This quest expects ${quest.outputType === 'text' ? 'a written answer' : 'a recording'}.`);
  }
}

function questTitles(db: Database, locale: Locale): Map<string, Quest> {
  return new Map(repo.listQuests(db, locale).map((quest) => [quest.code, quest]));
}

function toListItem(attempt: QuestAttempt, quests: Map<string, Quest>): AttemptListItem {
  const quest = quests.get(attempt.questCode);
  return {
    id: attempt.id,
    questCode: attempt.questCode,
    questTitle: quest?.title ?? attempt.questCode,
    outputType: quest?.outputType ?? (attempt.audioArtifactId ? 'audio' : 'text'),
    createdAt: attempt.createdAt,
    hasAudio: attempt.audioArtifactId !== null,
    hasTranscript: attempt.transcriptId !== null,
    hasFeedback: attempt.feedbackId !== null,
    feedbackId: attempt.feedbackId,
  };
}


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
