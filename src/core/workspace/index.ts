import type { Database } from 'better-sqlite3';
import { AppError, toErrorPayload } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { nowUtc } from '../../kernel/time.js';
import type { DataStore } from '../../platform/db/data-store.js';
import { folderSizeBytes } from '../../platform/fs/folder-size.js';
import { readProfileIdentity, recordProfileIdentity, type ProfileIdentity } from '../../platform/db/profile-identity.js';
import { normalizeProfileName, profileNameKey } from './profile-name.js';
import { assertProfileExists, type ProfileSession } from './profile-session.js';
import * as repo from './repo.js';
import type { Profile, ProfileSummary } from './types.js';

export type { Profile, ProfileSummary } from './types.js';
export { findProfile, listProfileIds, profileExists } from './repo.js';
export { assertProfileExists, openProfileSession, type ProfileSession } from './profile-session.js';

/**
 * Profiles by creation, with their size on disk and how many talks each holds. A profile whose database cannot be
 * opened (damaged, awaiting an operator) is still listed, with its problem's code, so the others stay reachable.
 */
export function listProfiles(store: DataStore): ProfileSummary[] {
  return repo.listProfiles(store.global()).map((profile) => {
    let talkCount: number | null = null;
    let problem: string | null = null;
    try {
      talkCount = repo.countTalks(store.profile(profile.id));
    } catch (error) {
      problem = toErrorPayload(error).code;
    }
    return { ...profile, sizeBytes: folderSizeBytes(store.layout.profileDir(profile.id)), talkCount, problem };
  });
}

/**
 * Creates a profile, makes it the active one, and creates and migrates its database. The database is staged first
 * (a new folder under a fresh id); the row then commits in one transaction, and if that fails the staged folder is
 * removed again, so a failed create leaves neither a row nor files behind.
 */
export function createProfile(store: DataStore, rawName: string): Profile {
  const db = store.global();
  const name = normalizeProfileName(rawName);
  const nameKey = profileNameKey(name);
  assertNameFree(db, nameKey, null);
  const id = newId('prof');
  store.profile(id);
  try {
    db.transaction(() => {
      assertNameFree(db, nameKey, null);
      repo.insertActiveProfile(db, { id, name, nameKey, now: nowUtc(store.clock) });
    }).immediate();
  } catch (error) {
    store.discardProfileFiles(id);
    throw error;
  }
  const profile = repo.findProfile(db, id)!;
  recordProfileIdentity(store.profile(id), { profileId: id, name, createdAt: profile.createdAt });
  return profile;
}

/** Makes a profile the active one and stamps when it was opened. */
export function switchProfile(store: DataStore, profileId: string): Profile {
  const db = store.global();
  assertProfileExists(store, profileId);
  store.profile(profileId);
  db.transaction(() => repo.activateProfile(db, profileId, nowUtc(store.clock))).immediate();
  return repo.findProfile(db, profileId)!;
}

export function renameProfile(store: DataStore, profileId: string, rawName: string): Profile {
  const db = store.global();
  assertProfileExists(store, profileId);
  const name = normalizeProfileName(rawName);
  const nameKey = profileNameKey(name);
  db.transaction(() => {
    assertNameFree(db, nameKey, profileId);
    repo.renameProfile(db, profileId, name, nameKey);
  }).immediate();
  const profile = repo.findProfile(db, profileId)!;
  // The copy inside the profile's database names it if the global database ever loses its row (profile_adopt_unlisted).
  recordProfileIdentity(store.profile(profileId), { profileId, name, createdAt: profile.createdAt });
  return profile;
}

/**
 * Brings back profile folders the global database does not list (after a global reset or restore): each under the
 * name its own database records (made unique if taken), with its own creation time. A folder whose database cannot
 * be opened is still listed, as "Recovered profile", so that its problem shows and it can be restored. The first one
 * becomes active when no profile is. Adopting again finds nothing to do.
 */
export function adoptUnlistedProfiles(store: DataStore): Profile[] {
  const db = store.global();
  const listed = new Set(repo.listProfileIds(db));
  const adopted: Profile[] = [];
  for (const profileId of store.layout.profileIdsOnDisk()) {
    if (listed.has(profileId)) continue;
    const identity = identityOf(store, profileId);
    db.transaction(() => {
      const name = freeNameLike(db, identity?.name ?? 'Recovered profile');
      const isActive = !repo.listProfiles(db).some((profile) => profile.isActive);
      repo.insertProfile(db, { id: profileId, name, nameKey: profileNameKey(name), createdAt: identity?.createdAt ?? nowUtc(store.clock), isActive });
    }).immediate();
    adopted.push(repo.findProfile(db, profileId)!);
  }
  return adopted;
}

function identityOf(store: DataStore, profileId: string): ProfileIdentity | null {
  try {
    return readProfileIdentity(store.profile(profileId));
  } catch {
    return null;
  }
}

/** `name`, or `name (2)`, `name (3)`... : the first that no profile holds (names ignore case). */
function freeNameLike(db: Database, name: string): string {
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? name : `${name.slice(0, 74)} (${n})`;
    if (!repo.findProfileIdByNameKey(db, profileNameKey(candidate))) return candidate;
  }
}

/**
 * Deletes a profile: the row goes (and, if it was active, the newest remaining profile becomes active) in one
 * transaction; only after the commit are its connection closed and its folder removed, a folder built from the
 * validated id inside this data dir. A failure before the commit changes nothing.
 */
export function deleteProfile(store: DataStore, profileId: string): { activeProfileId: string | null } {
  const db = store.global();
  assertProfileExists(store, profileId);
  const activeProfileId = db
    .transaction(() => {
      const wasActive = repo.findProfile(db, profileId)!.isActive;
      repo.deleteProfileRow(db, profileId);
      const newest = repo.newestProfileId(db);
      if (wasActive && newest) repo.activateProfile(db, newest, nowUtc(store.clock));
      return repo.listProfiles(db).find((profile) => profile.isActive)?.id ?? null;
    })
    .immediate();
  store.discardProfileFiles(profileId);
  return { activeProfileId };
}

/** A stored file's checked path, size and download name, for a download that streams it (or a byte range of it). */
export function locateArtifactForDownload(session: ProfileSession, artifactId: string): { fileName: string; path: string; bytes: number } {
  const { row, path, bytes } = session.artifacts.locate(artifactId);
  return { fileName: row.relPath.split('/').pop()!, path, bytes };
}

function assertNameFree(db: Database, nameKey: string, exceptProfileId: string | null): void {
  const holder = repo.findProfileIdByNameKey(db, nameKey);
  if (holder && holder !== exceptProfileId) {
    throw new AppError('profile_name_exists', 'A profile with this name already exists (names ignore case).');
  }
}
