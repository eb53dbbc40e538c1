export type * from './types.js';

/** Row-level steps for a write that spans contexts in one transaction (a transcription linked to its attempt). */
export { findAttemptByAudio, setAttemptTranscript } from './repo.js';
export { existingQuest, getQuest, listQuests } from './quests.js';
export { existingAttempt, listAttempts, questReport, submitAudio, submitText } from './attempts.js';
export { DAILY_QUEST_KEY, getDailyQuest, type DailyQuest } from './todays-quest.js';
