import type { Database } from 'better-sqlite3';
import { AppError } from '../../kernel/errors.js';
import { clampLimit } from '../../kernel/list-limit.js';
import { newId } from '../../kernel/ids.js';
import { nowUtc } from '../../kernel/time.js';
import { existingProject } from '../talk/index.js';
import type { ProfileSession } from '../workspace/index.js';
import * as repo from './repo.js';
import { RUN_LIST_DEFAULT, RUN_LIST_MAX, type Run } from './types.js';

export type * from './types.js';
export { AUDIO_TRIM_JOB } from './run-jobs.js';

/**
 * Row-level steps for a write that spans contexts in one transaction (a pack import creates a talk and its run; a
 * transcription links its result to the run of its recording; a trim replaces its recording): the caller holds the
 * transaction.
 */
export { clearRunTranscript, findRun, findRunIdByAudio, insertRun, isArtifactReferenced, setRunAudio, setRunTranscript } from './repo.js';

export function createRun(session: ProfileSession, projectId: string): Run {
  const db = session.db;
  const id = newId('run');
  db.transaction(() => {
    existingProject(db, projectId);
    repo.insertRun(db, { id, projectId, createdAt: nowUtc(session.clock) });
  }).immediate();
  return repo.findRun(db, id)!;
}

/**
 * Creates a run that owns a stored recording, in one transaction: either the run exists with its audio, or nothing
 * was written.
 */
export function createRunWithAudio(session: ProfileSession, projectId: string, audioArtifactId: string): Run {
  const db = session.db;
  const artifacts = session.artifacts;
  const id = newId('run');
  db.transaction(() => {
    existingProject(db, projectId);
    artifacts.getOfType(audioArtifactId, 'audio');
    repo.insertRun(db, { id, projectId, createdAt: nowUtc() });
    repo.setRunAudio(db, id, audioArtifactId);
  }).immediate();
  return repo.findRun(db, id)!;
}

export function getRun(session: ProfileSession, runId: string): Run {
  return existingRun(session.db, runId);
}

export function getLatestRun(session: ProfileSession, projectId: string): Run | null {
  const db = session.db;
  existingProject(db, projectId);
  return repo.listRuns(db, projectId, 1)[0] ?? null;
}

/** Newest first; the limit defaults to 12 and is clamped to 1..100. */
export function listRuns(session: ProfileSession, projectId: string, limit?: number): Run[] {
  const db = session.db;
  existingProject(db, projectId);
  return repo.listRuns(db, projectId, clampLimit(limit, RUN_LIST_DEFAULT, RUN_LIST_MAX));
}

export function attachAudio(session: ProfileSession, runId: string, audioArtifactId: string): Run {
  return linkArtifact(session, runId, audioArtifactId, 'audio', repo.setRunAudio);
}

export function setTranscript(session: ProfileSession, runId: string, transcriptId: string): Run {
  return linkArtifact(session, runId, transcriptId, 'transcript', repo.setRunTranscript);
}

/**
 * Deletes a run with everything it owns: feedback, notes and peer reviews go with its row (FK cascades), and its
 * artifacts that nothing else references are deleted in the same transaction; their files are removed only after the
 * commit. A failure before the commit changes nothing.
 */
export function deleteRun(session: ProfileSession, runId: string): { deletedFiles: number } {
  const db = session.db;
  const artifacts = session.artifacts;
  const removed = db
    .transaction(() => {
      existingRun(db, runId);
      const owned = repo.runArtifactIds(db, runId);
      repo.deleteRunRow(db, runId);
      return artifacts.deleteRows(owned.filter((id) => !repo.isArtifactReferenced(db, id)));
    })
    .immediate();
  artifacts.removeFiles(removed);
  return { deletedFiles: removed.length };
}

export function existingRun(db: Database, runId: string): Run {
  const run = repo.findRun(db, runId);
  if (!run) throw new AppError('run_not_found', 'No run with this id exists in this profile.');
  return run;
}

function linkArtifact(
  session: ProfileSession,
  runId: string,
  artifactId: string,
  type: 'audio' | 'transcript',
  link: (db: Database, runId: string, artifactId: string) => void,
): Run {
  const db = session.db;
  const artifacts = session.artifacts;
  db.transaction(() => {
    existingRun(db, runId);
    artifacts.getOfType(artifactId, type);
    link(db, runId, artifactId);
  }).immediate();
  return repo.findRun(db, runId)!;
}

