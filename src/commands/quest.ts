import {
  QuestAttemptResultSchema,
  QuestAttemptsListPayloadSchema,
  QuestAttemptsListResultSchema,
  QuestGetDailyPayloadSchema,
  QuestGetDailyResultSchema,
  QuestGetPayloadSchema,
  QuestListPayloadSchema,
  QuestListResultSchema,
  QuestReportPayloadSchema,
  QuestReportResultSchema,
  QuestResultSchema,
  QuestSubmitAudioPayloadSchema,
  QuestSubmitTextPayloadSchema,
} from '../contracts/quest.js';
import * as quests from '../core/quest/index.js';
import { defineCommand } from './registry.js';

export const questList = defineCommand({
  name: 'quest_list',
  payload: QuestListPayloadSchema,
  result: QuestListResultSchema,
  handler: ({ store }, { profileId, locale }) => ({ quests: quests.listQuests(store, profileId, locale) }),
});

export const questGet = defineCommand({
  name: 'quest_get',
  payload: QuestGetPayloadSchema,
  result: QuestResultSchema,
  handler: ({ store }, { profileId, questCode, locale }) => ({ quest: quests.getQuest(store, profileId, questCode, locale) }),
});

export const questSubmitText = defineCommand({
  name: 'quest_submit_text',
  payload: QuestSubmitTextPayloadSchema,
  result: QuestAttemptResultSchema,
  handler: ({ store }, { profileId, projectId, questCode, text }) => ({
    attempt: quests.submitText(store, profileId, projectId, questCode, text),
  }),
});

export const questSubmitAudio = defineCommand({
  name: 'quest_submit_audio',
  payload: QuestSubmitAudioPayloadSchema,
  result: QuestAttemptResultSchema,
  handler: ({ store }, { profileId, ...input }) => ({ attempt: quests.submitAudio(store, profileId, input) }),
});

export const questAttemptsList = defineCommand({
  name: 'quest_attempts_list',
  payload: QuestAttemptsListPayloadSchema,
  result: QuestAttemptsListResultSchema,
  handler: ({ store }, { profileId, projectId, limit, locale }) => ({
    attempts: quests.listAttempts(store, profileId, projectId, limit, locale),
  }),
});

export const questReport = defineCommand({
  name: 'quest_report',
  payload: QuestReportPayloadSchema,
  result: QuestReportResultSchema,
  handler: ({ store }, { profileId, projectId, locale }) => ({ lines: quests.questReport(store, profileId, projectId, locale) }),
});

export const questGetDaily = defineCommand({
  name: 'quest_get_daily',
  payload: QuestGetDailyPayloadSchema,
  result: QuestGetDailyResultSchema,
  handler: ({ store }, { profileId, ...request }) => ({ daily: quests.getDailyQuest(store, profileId, request) }),
});

export const QUEST_COMMANDS = [questGetDaily, questList, questGet, questSubmitText, questSubmitAudio, questAttemptsList, questReport];
