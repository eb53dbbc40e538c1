import { randomBytes } from 'node:crypto';
import { constants, copyFileSync, existsSync, linkSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { nowUtc, toFileTimestamp } from '../../../kernel/time.js';
import { fsyncDir, fsyncFile, writeFileAtomic } from '../../fs/durable-file.js';
import { ensurePrivateDir, makeFilePrivate } from '../../fs/private-permissions.js';

/** The JSON note written beside a quarantined database; read back through this schema, never cast. */
const QuarantineNoteSchema = z.object({
  name: z.string(),
  scope: z.enum(['global', 'profile']),
  reason: z.string(),
  quarantinedAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int().nullable(),
  files: z.array(z.string()),
});
export type QuarantineNote = z.infer<typeof QuarantineNoteSchema>;

export interface QuarantineRequest {
  dbPath: string;
  corruptedDir: string;
  scope: 'global' | 'profile';
  reason: string;
  appVersion: string;
  schemaVersion: number | null;
  /**
   * Quarantine a copy of the main file and leave the file itself in place (its journals still move): used when only
   * a journal is foreign and the main file may still be the speaker's intact database.
   */
  keepMainFile?: boolean;
}

const SIDE_FILES = ['', '-wal', '-shm'] as const;

/**
 * Moves a damaged database with its -wal and -shm to `corrupted/<scope>-<utc time>-<random>.db[-wal|-shm]` and writes
 * a JSON note beside them. The WAL is kept with its database (it may hold the last committed work, for salvage).
 * Moves use link + unlink, which fails rather than overwrite: an earlier quarantine is never replaced.
 * Returns the quarantine name (`<scope>-<time>-<random>.db`), or null when there was no file to move.
 */
export function quarantineDatabase(request: QuarantineRequest): string | null {
  const present = SIDE_FILES.filter((suffix) => existsSync(`${request.dbPath}${suffix}`));
  // Companions without their database (a crash mid-quarantine) are set aside too: a WAL may hold committed work.
  if (present.length === 0) return null;
  ensurePrivateDir(request.corruptedDir);
  const name = `${request.scope}-${toFileTimestamp(new Date())}-${randomBytes(4).toString('hex')}.db`;
  const moved: string[] = [];
  for (const suffix of present) {
    const target = join(request.corruptedDir, `${name}${suffix}`);
    if (suffix === '' && request.keepMainFile) copyExclusive(request.dbPath, target);
    else {
      linkSync(`${request.dbPath}${suffix}`, target);
      unlinkSync(`${request.dbPath}${suffix}`);
    }
    moved.push(`${name}${suffix}`);
  }
  const note: QuarantineNote = {
    name,
    scope: request.scope,
    reason: request.reason,
    quarantinedAt: nowUtc(),
    appVersion: request.appVersion,
    schemaVersion: request.schemaVersion,
    files: moved,
  };
  writeFileAtomic(join(request.corruptedDir, `${name}.json`), `${JSON.stringify(note, null, 2)}\n`);
  fsyncDir(request.corruptedDir);
  return present.includes('') ? name : null;
}

/** A byte-for-byte private copy that fails rather than overwrite, made durable before anything relies on it. */
function copyExclusive(source: string, target: string): void {
  copyFileSync(source, target, constants.COPYFILE_EXCL);
  makeFilePrivate(target);
  fsyncFile(target);
}

/** Quarantined databases of one scope folder, newest first, from their notes. */
export function listQuarantine(corruptedDir: string): QuarantineNote[] {
  if (!existsSync(corruptedDir)) return [];
  const notes: QuarantineNote[] = [];
  for (const file of readdirSync(corruptedDir)) {
    if (!file.endsWith('.db.json')) continue;
    try {
      const parsed = QuarantineNoteSchema.safeParse(JSON.parse(readFileSync(join(corruptedDir, file), 'utf8')));
      if (parsed.success) notes.push(parsed.data);
    } catch {
      // A note that cannot be read is skipped; the files themselves stay where they are.
    }
  }
  return notes.sort((a, b) => (a.quarantinedAt < b.quarantinedAt ? 1 : -1));
}
