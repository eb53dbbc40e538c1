import Sqlite from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { createProfile } from '../../src/core/workspace/index.js';
import { newId } from '../../src/kernel/ids.js';
import { nowUtc } from '../../src/kernel/time.js';
import { DataStore } from '../../src/platform/db/data-store.js';
import { makeTempDir } from './temp-dir.js';

/** Adds a talk with `runs` runs to a profile database; returns the talk's id. */
export function addTalk(db: Database, title: string, runs = 1): string {
  const id = newId('proj');
  const now = nowUtc();
  db.prepare(
    `INSERT INTO talk_projects (id, title, stage, is_training, created_at, updated_at) VALUES (?, ?, 'draft', 0, ?, ?)`,
  ).run(id, title, now, now);
  const insertRun = db.prepare(`INSERT INTO runs (id, project_id, created_at) VALUES (?, ?, ?)`);
  for (let i = 0; i < runs; i += 1) insertRun.run(newId('run'), id, nowUtc());
  return id;
}

export function talkTitles(db: Database): string[] {
  return db.prepare(`SELECT title FROM talk_projects ORDER BY title`).pluck().all() as string[];
}

/** Talk titles in a closed database file (a snapshot, say), read-only. */
export function talkTitlesInFile(path: string): string[] {
  const db = new Sqlite(path, { readonly: true });
  try {
    return talkTitles(db);
  } finally {
    db.close();
  }
}

/** A data dir with one profile holding one talk ("Before"), closed cleanly like after a normal session. */
export function seededDataDir(): { dir: string; profileId: string } {
  const dir = makeTempDir();
  const store = DataStore.open(dir, { appVersion: 'test', shutdownSnapshot: 'when-changed' });
  const profile = createProfile(store, 'Ada');
  addTalk(store.profile(profile.id), 'Before', 3);
  store.close();
  return { dir, profileId: profile.id };
}

/**
 * Opens the data dir, runs `work` with the store, and closes it cleanly the way one app session (`lectern start`)
 * would: a snapshot at close when the data changed.
 */
export function session<T>(dir: string, work: (store: DataStore) => T): T {
  const store = DataStore.open(dir, { appVersion: 'test', shutdownSnapshot: 'when-changed' });
  try {
    return work(store);
  } finally {
    store.close();
  }
}
