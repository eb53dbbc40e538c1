import * as quests from '../core/quest/index.js';
import { defineCommand } from './registry.js';

export const questList = defineCommand({
  name: 'quest_list',
  handler: ({ store }, { profileId, locale }) => ({ quests: quests.listQuests(store, profileId, locale) }),
});

export const questGet = defineCommand({
  name: 'quest_get',
  handler: ({ store }, { profileId, questCode, locale }) => ({ quest: quests.getQuest(store, profileId, questCode, locale) }),
});

export const questSubmitText = defineCommand({
  name: 'quest_submit_text',
  handler: ({ store }, { profileId, projectId, questCode, text }) => ({
    attempt: quests.submitText(store, profileId, projectId, questCode, text),
  }),
});

export const questSubmitAudio = defineCommand({
  name: 'quest_submit_audio',
  handler: ({ store }, { profileId, ...input }) => ({ attempt: quests.submitAudio(store, profileId, input) }),
});

export const questAttemptsList = defineCommand({
  name: 'quest_attempts_list',
  handler: ({ store }, { profileId, projectId, limit, locale }) => ({
    attempts: quests.listAttempts(store, profileId, projectId, limit, locale),
  }),
});

export const questReport = defineCommand({
  name: 'quest_report',
  handler: ({ store }, { profileId, projectId, locale }) => ({ lines: quests.questReport(store, profileId, projectId, locale) }),
});

export const questGetDaily = defineCommand({
  name: 'quest_get_daily',
  handler: ({ store }, { profileId, ...request }) => ({ daily: quests.getDailyQuest(store, profileId, request) }),
});

export const QUEST_COMMANDS = [questGetDaily, questList, questGet, questSubmitText, questSubmitAudio, questAttemptsList, questReport];
