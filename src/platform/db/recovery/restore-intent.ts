import { readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../../fs/durable-file.js';

/**
 * `<db>.restore-intent`: written by an operator restore before it swaps the file, removed once the restore's event is
 * recorded. Found at an open, it means a restore was cut short: the opener completes it (the swap, again if needed,
 * and the event), so the swap and its record are never separated.
 */
const RestoreIntentSchema = z
  .object({
    snapshotName: z.string(),
    snapshotCreatedAt: z.string(),
    /** sha256 of the snapshot file: the database equals it once the swap is done. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    quarantineName: z.string().nullable(),
    startedAt: z.string(),
  })
  .strict();

export type RestoreIntent = z.infer<typeof RestoreIntentSchema>;

export function restoreIntentPathOf(dbPath: string): string {
  return `${dbPath}.restore-intent`;
}

export function writeRestoreIntent(dbPath: string, intent: RestoreIntent): void {
  writeFileAtomic(restoreIntentPathOf(dbPath), `${JSON.stringify(intent, null, 2)}\n`);
}

/**
 * The pending intent, or null. A marker that cannot be read is reported as unreadable (`garbled`) rather than
 * ignored: the opener then leaves the database as it is and says so.
 */
export function readRestoreIntent(dbPath: string): RestoreIntent | 'garbled' | null {
  let text: string;
  try {
    text = readFileSync(restoreIntentPathOf(dbPath), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return 'garbled';
  }
  try {
    const parsed = RestoreIntentSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'garbled';
  } catch {
    return 'garbled';
  }
}

export function clearRestoreIntent(dbPath: string): void {
  rmSync(restoreIntentPathOf(dbPath), { force: true });
}
