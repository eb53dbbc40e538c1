/** The database the benchmarks measure: a heavy user's profile, generated at run time (never committed). */
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { openOwnedDatabase, type OpenDatabaseOptions } from '../src/platform/db/open-database.js';

export const PROJECTS = 200;
export const RUNS = 100_000;

export interface HeavyProfileStats {
  bytes: number;
  projects: number;
  runs: number;
  artifacts: number;
  generationMs: number;
}

function hex32(): string {
  return randomBytes(16).toString('hex');
}

/** A profile database like a heavy user's: 200 talks, 100,000 runs, each with its audio artifact row. */
export function generateHeavyProfile(path: string, options: OpenDatabaseOptions): HeavyProfileStats {
  const started = process.hrtime.bigint();
  const { db } = openOwnedDatabase(path, options);
  try {
    insertRows(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  const generationMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { ...countRows(path), bytes: statSync(path).size, generationMs };
}

/** Fills an open profile database (already migrated) with the heavy user's talks, runs and artifact rows. */
export function insertRows(db: Db): void {
  const insertProject = db.prepare(
    `INSERT INTO talk_projects (id, title, talk_number, stage, created_at, updated_at)
     VALUES (?, ?, ?, 'draft', ?, ?)`,
  );
  const insertArtifact = db.prepare(
    `INSERT INTO artifacts (id, type, local_relpath, sha256, bytes, created_at, metadata_json)
     VALUES (?, 'audio', ?, ?, ?, ?, '{}')`,
  );
  const insertRun = db.prepare(`INSERT INTO runs (id, project_id, created_at, audio_artifact_id) VALUES (?, ?, ?, ?)`);
  const start = Date.UTC(2025, 0, 1);
  const iso = (ms: number) => new Date(ms).toISOString();

  db.transaction(() => {
    const projectIds: string[] = [];
    for (let n = 1; n <= PROJECTS; n++) {
      const id = `proj_${hex32()}`;
      const at = iso(start + n * 3_600_000);
      insertProject.run(id, `Talk ${n}`, n, at, at);
      projectIds.push(id);
    }
    const runsStart = start + (PROJECTS + 1) * 3_600_000;
    for (let k = 0; k < RUNS; k++) {
      const at = iso(runsStart + k * 60_000);
      const artifactId = `art_${hex32()}`;
      const bytes = 480_000 + ((k * 7919) % 9_600_000);
      insertArtifact.run(artifactId, `artifacts/audio/${artifactId}.wav`, randomBytes(32).toString('hex'), bytes, at);
      insertRun.run(`run_${hex32()}`, projectIds[k % PROJECTS]!, at, artifactId);
    }
  }).immediate();
}

function countRows(path: string): Omit<HeavyProfileStats, 'bytes' | 'generationMs'> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
    return { projects: count('talk_projects'), runs: count('runs'), artifacts: count('artifacts') };
  } finally {
    db.close();
  }
}

