import { after } from 'node:test';
import type { Clock } from '../../src/kernel/clock.js';
import { openProfileSession, type ProfileSession } from '../../src/core/workspace/index.js';
import { DataStore } from '../../src/platform/db/data-store.js';
import { invokeOk } from './invoke.js';
import { makeTempDir } from './temp-dir.js';

/** A fresh data folder holding one profile ("Ada"), made through the real command; the store closes after the file's tests. */
export async function openStoreWithProfile(options: { clock?: Clock } = {}): Promise<{ store: DataStore; profileId: string }> {
  const store = DataStore.open(makeTempDir(), options);
  after(() => store.close());
  const { profile } = await invokeOk(store, 'profile_create', { name: 'Ada' });
  return { store, profileId: profile.id };
}

/** The same, with the profile's session open, for tests that call a core service directly (as the registry would). */
export async function openSessionWithProfile(options: { clock?: Clock } = {}): Promise<{ store: DataStore; profileId: string; session: ProfileSession }> {
  const { store, profileId } = await openStoreWithProfile(options);
  return { store, profileId, session: openProfileSession(store, profileId) };
}
