import { existsSync, readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { nowUtc } from '../../../kernel/time.js';
import { writeFileAtomic } from '../../fs/durable-file.js';

/**
 * `<db>.clean-shutdown` is written after a database was checkpointed and closed cleanly, and removed as soon as it is
 * opened again: its absence at open means the last session crashed, so the full integrity_check runs.
 */
export function cleanShutdownMarkerOf(dbPath: string): string {
  return `${dbPath}.clean-shutdown`;
}

export function writeCleanShutdownMarker(dbPath: string): void {
  writeFileAtomic(cleanShutdownMarkerOf(dbPath), `${JSON.stringify({ closedAt: nowUtc() })}\n`);
}

export function hasCleanShutdownMarker(dbPath: string): boolean {
  return existsSync(cleanShutdownMarkerOf(dbPath));
}

export function removeCleanShutdownMarker(dbPath: string): void {
  rmSync(cleanShutdownMarkerOf(dbPath), { force: true });
}

/** What the recovery-needed marker records: a damaged database that no snapshot could replace. */
const RecoveryNeededSchema = z.object({ reason: z.string(), detectedAt: z.string(), quarantineName: z.string().nullable() });
export type RecoveryNeeded = z.infer<typeof RecoveryNeededSchema>;

/**
 * `<db>.recovery-needed` keeps a database in the failed state after a corruption with no usable snapshot: every later
 * open fails with db_recovery_no_snapshot instead of silently starting an empty database, until the operator restores
 * a snapshot or resets explicitly.
 */
export function recoveryNeededMarkerOf(dbPath: string): string {
  return `${dbPath}.recovery-needed`;
}

export function writeRecoveryNeeded(dbPath: string, state: RecoveryNeeded): void {
  writeFileAtomic(recoveryNeededMarkerOf(dbPath), `${JSON.stringify(state, null, 2)}\n`);
}

export function readRecoveryNeeded(dbPath: string): RecoveryNeeded | null {
  // A garbled marker still means "recovery needed": failing closed keeps the empty-database trap shut.
  const garbled: RecoveryNeeded = { reason: 'unknown', detectedAt: nowUtc(), quarantineName: null };
  let text: string;
  try {
    text = readFileSync(recoveryNeededMarkerOf(dbPath), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return garbled;
  }
  try {
    const parsed = RecoveryNeededSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : garbled;
  } catch {
    return garbled;
  }
}

export function clearRecoveryNeeded(dbPath: string): void {
  rmSync(recoveryNeededMarkerOf(dbPath), { force: true });
}
