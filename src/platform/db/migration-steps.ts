import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DbScope } from './scope.js';

/** One ordered schema step: `migrations/<scope>/NNNN_name.sql`. */
export interface MigrationStep {
  /** 1, 2, 3 ...: the NNNN prefix. Steps are contiguous from 1. */
  version: number;
  /** `0001_init`: the file name without extension; what schema_migrations records as `name`. */
  name: string;
  sql: string;
  /** sha256 of the step's source, line endings normalized so a Windows checkout does not look like edited history. */
  checksum: string;
}

const STEP_FILE = /^(\d{4})_([a-z0-9]+(?:_[a-z0-9]+)*)\.sql$/;

/** The checked-in migrations folder (…/migrations), found from this module so it works from any working directory. */
export const MIGRATIONS_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export function checksumOf(source: string): string {
  return createHash('sha256').update(source.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

/**
 * Reads and validates a folder of steps. A malformed folder (a stray file, a gap, a duplicate number) is a
 * packaging bug, so it throws a plain Error at load time rather than an AppError at a user's open.
 */
export function loadMigrationSteps(dir: string): MigrationStep[] {
  const files = readdirSync(dir).filter((file) => file.endsWith('.sql')).sort();
  const steps = files.map((file, index) => {
    const match = STEP_FILE.exec(file);
    if (!match) throw new Error(`Migration file "${file}" must be named NNNN_snake_case.sql`);
    const version = Number(match[1]);
    if (version !== index + 1) {
      throw new Error(`Migration "${file}" breaks the sequence: expected version ${index + 1}`);
    }
    const sql = readFileSync(join(dir, file), 'utf8');
    return { version, name: file.slice(0, -'.sql'.length), sql, checksum: checksumOf(sql) };
  });
  if (steps.length === 0) throw new Error(`No migration steps found in ${dir}`);
  return steps;
}

const cache = new Map<string, MigrationStep[]>();

/** The app's known steps for a scope, read once per process. */
export function migrationStepsFor(scope: DbScope): MigrationStep[] {
  const dir = join(MIGRATIONS_ROOT, scope.kind);
  let steps = cache.get(dir);
  if (!steps) {
    steps = loadMigrationSteps(dir);
    cache.set(dir, steps);
  }
  return steps;
}
