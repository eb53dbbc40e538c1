import { prepared } from '../../platform/db/prepared.js';
import type { Database } from 'better-sqlite3';
import type { UtcTimestamp } from '../../kernel/time.js';
import * as q from './queries.js';
import type { Run } from './types.js';

export function findRun(db: Database, runId: string): Run | null {
  return (prepared(db, q.SELECT_RUN).get(runId) as Run | undefined) ?? null;
}

export function listRuns(db: Database, projectId: string, limit: number): Run[] {
  return prepared(db, q.SELECT_RUNS_OF_PROJECT).all(projectId, limit) as Run[];
}

export function insertRun(db: Database, run: { id: string; projectId: string; createdAt: UtcTimestamp }): void {
  prepared(db, q.INSERT_RUN).run(run.id, run.projectId, run.createdAt);
}

export function setRunAudio(db: Database, runId: string, artifactId: string): void {
  prepared(db, q.SET_RUN_AUDIO).run(artifactId, runId);
}

export function setRunTranscript(db: Database, runId: string, artifactId: string): void {
  prepared(db, q.SET_RUN_TRANSCRIPT).run(artifactId, runId);
}

export function clearRunTranscript(db: Database, runId: string): void {
  prepared(db, q.CLEAR_RUN_TRANSCRIPT).run(runId);
}

export function runArtifactIds(db: Database, runId: string): string[] {
  return (prepared(db, q.SELECT_RUN_ARTIFACT_IDS).all({ id: runId }) as Array<{ id: string }>).map((row) => row.id);
}

export function deleteRunRow(db: Database, runId: string): void {
  prepared(db, q.DELETE_RUN).run(runId);
}

export function isArtifactReferenced(db: Database, artifactId: string): boolean {
  return prepared(db, q.SELECT_ARTIFACT_STILL_REFERENCED).get({ id: artifactId }) !== undefined;
}

/** The run a recording belongs to, if any (idx_runs_audio). */
export function findRunIdByAudio(db: Database, audioArtifactId: string): string | null {
  return (prepared(db, q.SELECT_RUN_ID_BY_AUDIO).get(audioArtifactId) as { id: string } | undefined)?.id ?? null;
}
