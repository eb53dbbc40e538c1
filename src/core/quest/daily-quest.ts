import type { ActionId } from '../../contracts/feedback-v1.js';
import { ACTION_CATALOGUE } from '../../contracts/action-catalogue.js';
import type { Quest } from './types.js';

/** Recent analyses looked at to find the weakest area, and attempts since the last full run that make one due. */
export const RECENT_ANALYSES = 5;
export const BOSS_RUN_AFTER_ATTEMPTS = 3;

export interface DailyQuestFacts {
  quests: readonly Quest[];
  /** Top action of each recent analysis, newest first (null when an analysis had none). */
  recentTopActions: ReadonlyArray<string | null>;
  lastAttemptAt: ReadonlyMap<string, string>;
  yesterdayCode: string | null;
  attemptsSinceLastRun: number;
}

export interface DailyQuestChoice {
  quest: Quest;
  reason: 'weakest_area' | 'not_tried_yet' | 'least_recent';
  focusAction: ActionId | null;
  dueBossRun: boolean;
}

/**
 * The daily quest, a rule in three steps (yesterday's quest is never chosen again today):
 * 1. weakest area: the action that came first most often in the last 5 analyses (ties: the most recent) and the first
 *    quest that trains it;
 * 2. else the first quest in catalogue order never tried on this talk;
 * 3. else the quest tried least recently (ties: catalogue order).
 * `dueBossRun` once 3 quest attempts have piled up since the last full run.
 */
export function chooseDailyQuest(facts: DailyQuestFacts): DailyQuestChoice {
  const allowed = facts.quests.filter((quest) => quest.code !== facts.yesterdayCode && quest.code !== 'FREE');
  const pool = allowed.length > 0 ? allowed : [...facts.quests];
  const dueBossRun = facts.attemptsSinceLastRun >= BOSS_RUN_AFTER_ATTEMPTS;
  const focus = weakestArea(facts.recentTopActions);
  if (focus) {
    const targeted = ACTION_CATALOGUE[focus].targetQuestCodes
      .map((code) => pool.find((quest) => quest.code === code))
      .find((quest) => quest !== undefined);
    if (targeted) return { quest: targeted, reason: 'weakest_area', focusAction: focus, dueBossRun };
  }
  const untried = pool.find((quest) => !facts.lastAttemptAt.has(quest.code));
  if (untried) return { quest: untried, reason: 'not_tried_yet', focusAction: null, dueBossRun };
  // ISO timestamps sort as text; the sort is stable, so quests tried at the same instant keep catalogue order.
  const triedAt = (quest: Quest) => facts.lastAttemptAt.get(quest.code)!;
  const leastRecent = [...pool].sort((a, b) => triedAt(a).localeCompare(triedAt(b)))[0]!;
  return { quest: leastRecent, reason: 'least_recent', focusAction: null, dueBossRun };
}

function weakestArea(actions: ReadonlyArray<string | null>): ActionId | null {
  const counts = new Map<ActionId, number>();
  for (const action of actions.slice(0, RECENT_ANALYSES)) {
    if (action && action in ACTION_CATALOGUE) counts.set(action as ActionId, (counts.get(action as ActionId) ?? 0) + 1);
  }
  let best: ActionId | null = null;
  for (const action of actions) {
    // Iterating newest first, a later action only wins with a strictly higher count: ties keep the most recent.
    if (!action || !counts.has(action as ActionId)) continue;
    if (best === null || counts.get(action as ActionId)! > counts.get(best)!) best = action as ActionId;
  }
  return best;
}
