import { setImmediate as nextTurn } from 'node:timers/promises';
import { FeedbackV1Schema } from '../../contracts/feedback-v1.js';
import { AppError } from '../../kernel/errors.js';
import { parseJsonOrNull } from '../../kernel/json.js';
import type { ArtifactStore } from '../../platform/artifacts/artifact-store.js';
import type { DataStore } from '../../platform/db/data-store.js';
import { openProfileSession } from '../workspace/index.js';
import { keyMetricsOf, UNKNOWN_KEY_METRICS } from './key-metrics.js';
import * as repo from './repo.js';
import type { KeyMetrics } from './repo.js';

/**
 * Rows read and written per step, then the event loop gets a turn. A row costs about 1 ms on a busy 2-core machine (file
 * read and FeedbackV1 check), so a request waits for one small batch, never for the profile (measured in
 * bench/key-metrics-backfill.bench.ts).
 */
export const BACKFILL_BATCH_SIZE = 20;

export interface BackfillOutcome {
  /** Rows whose numbers were read from their feedback file. */
  filled: number;
  /** Rows whose file is missing or damaged: marked done, their new numbers left NULL. */
  unreadable: number;
  /** The store closed before the end: the rest is done at a later open. */
  stopped: boolean;
}

/**
 * Fills the key numbers of feedback rows written before migration 0009 from their stored FeedbackV1 file, a batch per
 * turn of the event loop (one transaction per batch), so a big profile never holds up requests. Idempotent: a row is
 * read once, then marked done; a second run finds nothing to do. A file that is missing or cannot be read as feedback
 * leaves NULL (the chart shows no point) and is not retried.
 */
export async function backfillKeyMetrics(store: DataStore, profileId: string, batchSize = BACKFILL_BATCH_SIZE): Promise<BackfillOutcome> {
  const outcome: BackfillOutcome = { filled: 0, unreadable: 0, stopped: false };
  for (;;) {
    if (store.isClosed) return { ...outcome, stopped: true };
    // Not a command: a session per batch, so a profile deleted (or a connection reopened) meanwhile is seen.
    const { db, artifacts } = openProfileSession(store, profileId);
    const pending = repo.keyMetricsPending(db, batchSize);
    if (pending.length === 0) return outcome;
    const read = pending.map((row) => ({ id: row.id, metrics: readKeyMetrics(artifacts, row.artifactId) }));
    db.transaction(() => {
      for (const row of read) repo.fillKeyMetrics(db, row.id, row.metrics ?? UNKNOWN_KEY_METRICS);
    }).immediate();
    for (const row of read) {
      if (row.metrics) outcome.filled += 1;
      else outcome.unreadable += 1;
    }
    await nextTurn();
  }
}

function readKeyMetrics(artifacts: ArtifactStore, artifactId: string): KeyMetrics | null {
  let text: string;
  try {
    text = artifacts.read(artifactId).data.toString('utf8');
  } catch (error) {
    if (error instanceof AppError || isFileError(error)) return null;
    throw error;
  }
  const parsed = FeedbackV1Schema.safeParse(parseJsonOrNull(text));
  return parsed.success ? keyMetricsOf(parsed.data) : null;
}

function isFileError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('E');
}
