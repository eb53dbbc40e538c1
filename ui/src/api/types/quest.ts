/** Quests: short practice exercises, written or recorded. Types inferred from the shared contracts (type-only). */
import type { z } from 'zod';
import type {
  AttemptListItemSchema,
  QuestAttemptSchema,
  QuestGetDailyResultSchema,
  QuestSchema,
} from '../../../../src/contracts/quest.js';

export type { Locale } from '../../../../src/contracts/locale.js';
export type Quest = z.infer<typeof QuestSchema>;
export type QuestAttempt = z.infer<typeof QuestAttemptSchema>;
export type AttemptListItem = z.infer<typeof AttemptListItemSchema>;
export type DailyQuest = z.infer<typeof QuestGetDailyResultSchema>['daily'];
