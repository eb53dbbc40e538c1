import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { ALL_COMMANDS, createCommandRegistry } from '../../src/commands/index.js';
import { DataStore } from '../../src/platform/db/data-store.js';
import { REPO_ROOT } from '../support/cli.js';
import { invokeOk } from '../support/invoke.js';
import { makeTempDir } from '../support/temp-dir.js';

/** Codes documented in the runbook's error table: the only ones a client may ever see. */
function documentedCodes(): Set<string> {
  const runbook = readFileSync(join(REPO_ROOT, 'docs/operations/runbook.md'), 'utf8');
  return new Set([...runbook.matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((m) => m[1]!));
}

function rowCounts(db: Database): Record<string, number> {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}

/**
 * Every file of the data folder with the sha256 of its bytes: databases and their -wal (a committed write always
 * changes one of them), artifacts, snapshots, markers. Only SQLite's -shm (readers write their marks there) and the
 * lock file are left out.
 */
function fileHashes(root: string): string[] {
  const files: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (!/-shm$|lectern\.lock$/.test(entry.name)) {
        files.push(`${relative(root, path)}:${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
      }
    }
  };
  visit(root);
  return files.sort();
}

const ID_PREFIX_BY_KEY: Record<string, string> = {
  profileId: 'prof_',
  projectId: 'proj_',
  runId: 'run_',
  transcriptId: 'art_',
  audioArtifactId: 'art_',
  questCode: '',
};

/**
 * A payload generator that follows a command's zod schema: right keys, mostly right kinds of values (real ids for
 * `*Id` keys, the enum's values...), with some garbage mixed in at every level, so that calls get past validation into
 * the services and still try their edges.
 */
function arbitraryFor(schema: z.ZodType, key: string, ids: string[], garbage: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  if (schema instanceof z.ZodOptional) return arbitraryFor(schema.unwrap() as z.ZodType, key, ids, garbage);
  if (schema instanceof z.ZodNullable) {
    return fc.oneof({ arbitrary: arbitraryFor(schema.unwrap() as z.ZodType, key, ids, garbage), weight: 4 }, { arbitrary: fc.constant(null), weight: 1 });
  }
  let fitting: fc.Arbitrary<unknown>;
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    fitting = fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, arbitraryFor(v, k, ids, garbage)])), { requiredKeys: [] });
  } else if (schema instanceof z.ZodEnum) {
    fitting = fc.constantFrom(...(schema.options as string[]));
  } else if (schema instanceof z.ZodNumber) {
    fitting = fc.oneof(fc.integer({ min: -5, max: 200 }), fc.integer(), fc.double());
  } else if (schema instanceof z.ZodBoolean) {
    fitting = fc.boolean();
  } else if (schema instanceof z.ZodString && /(id|code)$/i.test(key)) {
    const prefix = ID_PREFIX_BY_KEY[key];
    const likely = prefix ? ids.filter((id) => id.startsWith(prefix)) : ids;
    fitting = fc.oneof(
      { arbitrary: fc.constantFrom(...(likely.length > 0 ? likely : ids)), weight: 6 },
      { arbitrary: fc.constantFrom(...ids), weight: 2 },
      { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
    );
  } else if (schema instanceof z.ZodString) {
    fitting = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom('', ' ', 'Hello, um, this is, you know, my talk.', '../../etc/passwd', 'é'.repeat(200), 'api_key', 'coach.weeklyTarget', 'ui.theme'),
    );
  } else {
    fitting = garbage;
  }
  return fc.oneof({ arbitrary: fitting, weight: 19 }, { arbitrary: garbage, weight: 1 });
}

// data_folder_open starts a file manager: here a program that does nothing, so no window opens on a developer's desk.
process.env.LECTERN_FILE_MANAGER = 'true';

test('random payloads to every command: only documented error codes, and a rejected call changes no byte of any file', async () => {
  const dir = makeTempDir();
  const store = DataStore.open(dir);
  after(() => store.close());
  const registry = createCommandRegistry();
  const { profile } = await invokeOk(store, 'profile_create', { name: 'Ada' });
  const { project } = await invokeOk(store, 'project_create', { profileId: profile.id, project: { title: 'Pitch' } });
  const { run } = await invokeOk(store, 'run_create', { profileId: profile.id, projectId: project.id });
  const { transcriptId } = await invokeOk(store, 'transcript_save', { profileId: profile.id, text: 'Hello there.' });
  const documented = documentedCodes();
  const realIds = [profile.id, project.id, run.id, transcriptId, `prof_${'0'.repeat(32)}`, `proj_${'0'.repeat(32)}`, 'A01', 'D01', 'FREE'];

  const value = fc.oneof(
    fc.constantFrom(...realIds),
    fc.string({ maxLength: 40 }),
    fc.constantFrom('', ' ', '../../etc/passwd', 'a'.repeat(300), 'é', '\u0000', 'api_key', 'snapshot.intervalHours', 'en', 'fr', 'srt', 'training'),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
  );
  // profile_delete gets ids other than the seeded profile's, so the run keeps a profile to work on; its valid use is
  // covered by the workspace tests.
  const commandAndPayload = fc.constantFrom(...ALL_COMMANDS).chain((command) => {
    const ids = command.name === 'profile_delete' ? realIds.filter((id) => id !== profile.id) : realIds;
    const shaped = arbitraryFor(command.payload, '', ids, value);
    return fc.tuple(fc.constant(command.name), fc.oneof({ arbitrary: shaped, weight: 4 }, { arbitrary: fc.anything({ maxDepth: 2 }), weight: 1 }));
  });

  // Read through the store each time: a random profile_delete may legitimately close a profile's connection.
  const state = () => {
    const globalDb = store.global();
    const profiles = globalDb.prepare('SELECT id FROM profiles ORDER BY id').pluck().all() as string[];
    return {
      global: rowCounts(globalDb),
      profiles: Object.fromEntries(profiles.map((id) => [id, rowCounts(store.profile(id))])),
      files: fileHashes(dir),
    };
  };
  await fc.assert(
    fc.asyncProperty(commandAndPayload, async ([name, payload]) => {
      const before = state();
      const outcome = await registry.invoke({ store }, name, payload);
      if (outcome.ok) return;
      assert.ok(documented.has(outcome.error.code), `${name} answered undocumented code ${outcome.error.code}`);
      assert.notEqual(outcome.error.code, 'internal_error', `${name} failed unexpectedly on ${JSON.stringify(payload)}`);
      assert.doesNotMatch(outcome.error.message, /\/tmp|\/home|SQLITE|at .*\.ts:/, 'no path, SQL or stack in a message');
      assert.deepEqual(state(), before, `${name} changed data although it was rejected`);
    }),
    { numRuns: 400, seed: 20261125 },
  );
});
