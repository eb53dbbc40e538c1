import { prepared } from '../../platform/db/prepared.js';
import type { Database } from 'better-sqlite3';
import type { UtcTimestamp } from '../../kernel/time.js';
import * as q from './queries.js';
import type { Profile } from './types.js';

interface ProfileRow {
  id: string;
  name: string;
  created_at: string;
  last_opened_at: string | null;
  is_active: number;
}

function toProfile(row: ProfileRow): Profile {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    lastOpenedAt: row.last_opened_at,
    isActive: row.is_active === 1,
  };
}

export function profileExists(db: Database, profileId: string): boolean {
  return prepared(db, q.SELECT_PROFILE_EXISTS).get(profileId) !== undefined;
}

export function findProfile(db: Database, profileId: string): Profile | null {
  const row = prepared(db, q.SELECT_PROFILE_BY_ID).get(profileId) as ProfileRow | undefined;
  return row ? toProfile(row) : null;
}

export function listProfiles(db: Database): Profile[] {
  return (prepared(db, q.SELECT_PROFILES_BY_CREATION).all() as ProfileRow[]).map(toProfile);
}

export function newestProfileId(db: Database): string | null {
  const row = prepared(db, q.SELECT_NEWEST_PROFILE_ID).get() as { id: string } | undefined;
  return row?.id ?? null;
}

export function activateProfile(db: Database, profileId: string, now: UtcTimestamp): void {
  prepared(db, q.DEACTIVATE_ALL_PROFILES).run();
  prepared(db, q.ACTIVATE_PROFILE).run(now, profileId);
}

export function renameProfile(db: Database, profileId: string, name: string, nameKey: string): void {
  prepared(db, q.RENAME_PROFILE).run(name, nameKey, profileId);
}

/** Profile database. */
export function countTalks(profileDb: Database): number {
  return (profileDb.prepare(q.COUNT_TALKS).get() as { n: number }).n;
}

export function listProfileIds(db: Database): string[] {
  return (prepared(db, q.SELECT_PROFILE_IDS_BY_CREATION).all() as Array<{ id: string }>).map((row) => row.id);
}

export function findProfileIdByNameKey(db: Database, nameKey: string): string | null {
  const row = prepared(db, q.SELECT_PROFILE_ID_BY_NAME_KEY).get(nameKey) as { id: string } | undefined;
  return row?.id ?? null;
}

export function insertActiveProfile(db: Database, profile: { id: string; name: string; nameKey: string; now: UtcTimestamp }): void {
  prepared(db, q.DEACTIVATE_ALL_PROFILES).run();
  prepared(db, q.INSERT_ACTIVE_PROFILE).run(profile.id, profile.name, profile.nameKey, profile.now, profile.now);
}

export function insertProfile(db: Database, profile: { id: string; name: string; nameKey: string; createdAt: string; isActive: boolean }): void {
  prepared(db, q.INSERT_PROFILE).run(profile.id, profile.name, profile.nameKey, profile.createdAt, profile.isActive ? 1 : 0);
}

export function deleteProfileRow(db: Database, profileId: string): void {
  prepared(db, q.DELETE_PROFILE).run(profileId);
}
