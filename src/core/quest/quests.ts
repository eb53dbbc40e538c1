import type { Database } from 'better-sqlite3';
import { AppError } from '../../kernel/errors.js';
import type { ProfileSession } from '../workspace/index.js';
import * as repo from './repo.js';
import type { Locale, Quest } from './types.js';

/** The quest catalogue, in the profile's database, in the interface's language. */
export function listQuests(session: ProfileSession, locale: Locale = 'en'): Quest[] {
  return repo.listQuests(session.db, locale);
}

export function getQuest(session: ProfileSession, code: string, locale: Locale = 'en'): Quest {
  return existingQuest(session.db, code, locale);
}

export function existingQuest(db: Database, code: string, locale: Locale = 'en'): Quest {
  const quest = repo.findQuest(db, code, locale);
  if (!quest) throw new AppError('quest_not_found', 'No quest with this code exists.');
  return quest;
}
