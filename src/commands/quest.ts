import * as quests from '../core/quest/index.js';
import { defineProfileCommand } from './registry.js';

export const questList = defineProfileCommand({
  name: 'quest_list',
  handler: (session, { locale }) => ({ quests: quests.listQuests(session, locale) }),
});

export const questGet = defineProfileCommand({
  name: 'quest_get',
  handler: (session, { questCode, locale }) => ({ quest: quests.getQuest(session, questCode, locale) }),
});

export const questSubmitText = defineProfileCommand({
  name: 'quest_submit_text',
  handler: (session, { projectId, questCode, text }) => ({
    attempt: quests.submitText(session, projectId, questCode, text),
  }),
});

export const questSubmitAudio = defineProfileCommand({
  name: 'quest_submit_audio',
  handler: (session, input) => ({ attempt: quests.submitAudio(session, input) }),
});

export const questAttemptsList = defineProfileCommand({
  name: 'quest_attempts_list',
  handler: (session, { projectId, limit, locale }) => ({
    attempts: quests.listAttempts(session, projectId, limit, locale),
  }),
});

export const questReport = defineProfileCommand({
  name: 'quest_report',
  handler: (session, { projectId, locale }) => ({ lines: quests.questReport(session, projectId, locale) }),
});

export const questGetDaily = defineProfileCommand({
  name: 'quest_get_daily',
  handler: (session, request) => ({ daily: quests.getDailyQuest(session, request) }),
});

export const QUEST_COMMANDS = [questGetDaily, questList, questGet, questSubmitText, questSubmitAudio, questAttemptsList, questReport];
