import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/cli.js';
import { makeTempDir } from '../support/temp-dir.js';

function checkStructure(srcDir?: string) {
  const args = [join(REPO_ROOT, 'scripts/check-structure.mjs'), ...(srcDir ? [srcDir] : [])];
  return spawnSync(process.execPath, args, { encoding: 'utf8' });
}

function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

test('the real source tree follows the layer rules', () => {
  const result = checkStructure();
  assert.equal(result.status, 0, result.stderr);
});

test('each broken rule is reported with the file that breaks it', () => {
  const src = makeTempDir();
  writeTree(src, {
    'kernel/ids.ts': `import { x } from '../platform/db/layout.js';`,
    'platform/db/layout.ts': `export const x = 1;`,
    'core/talk/index.ts': `import { y } from '../../commands/talk.js'; const q = 'SELECT id FROM talk_projects';`,
    'core/talk/types.ts': ``,
    'core/run/queries.ts': `export const Q = 'SELECT id FROM runs';`,
    'commands/talk.ts': `import { readFileSync } from 'node:fs'; export const y = 'DELETE FROM runs';`,
    'app/server.ts': `import Database from 'better-sqlite3';`,
  });
  const result = checkStructure(src);
  assert.equal(result.status, 1);
  for (const expected of [
    'kernel/ids.ts: kernel must not import platform',
    'core/talk/index.ts: core must not import commands',
    'core/talk/index.ts: SQL text belongs',
    'commands/talk.ts: command files make no file-system calls',
    'commands/talk.ts: SQL text belongs',
    'app/server.ts: only platform/db opens database files',
    'core/run: missing index.ts',
  ]) {
    assert.ok(result.stderr.includes(expected), `expected "${expected}" in:\n${result.stderr}`);
  }
  assert.equal(result.stderr.includes('core/run/queries.ts'), false, 'queries.ts may hold SQL');
});

test('an import cycle, a cycle between contexts, a reach into another context’s internals and a path built in core each fail the check', () => {
  const src = makeTempDir();
  writeTree(src, {
    'platform/a.ts': `import { b } from './b.js'; export const a = 1;`,
    'platform/b.ts': `import { a } from './a.js'; export const b = 2;`,
    'core/quest/index.ts': `import { rule } from '../feedback/rules.js'; export const q = 1;`,
    'core/quest/types.ts': ``,
    'core/feedback/index.ts': `import { q } from '../quest/index.js'; export const f = 1;`,
    'core/feedback/rules.ts': `export const rule = 1;`,
    'core/feedback/types.ts': ``,
    'core/talk/index.ts': `import { join } from 'node:path'; export const p = join('a', 'b');`,
    'core/talk/types.ts': ``,
    'core/run/index.ts': `import { f } from '../feedback/index.js'; export const r = f;`,
    'core/run/types.ts': ``,
  });
  const result = checkStructure(src);
  assert.equal(result.status, 1);
  for (const expected of [
    'import cycle: platform/a.ts -> platform/b.ts -> platform/a.ts',
    'context cycle: feedback -> quest -> feedback',
    "core/quest/index.ts: reaches into core/feedback's internals (../feedback/rules.js); import its index.ts",
    'core/talk/index.ts: builds file paths (node:path)',
  ]) {
    assert.ok(result.stderr.includes(expected), `expected "${expected}" in:\n${result.stderr}`);
  }
  assert.equal(result.stderr.includes('core/run/index.ts: reaches'), false, 'another context’s index.ts is its public surface');
});

test('a profile resolved anywhere but its session (a core service or a command opening the database or the stored files) fails the check', () => {
  const src = makeTempDir();
  writeTree(src, {
    'core/talk/index.ts': `export function listProjects(store, profileId) { return store.profile(profileId); }`,
    'core/talk/types.ts': ``,
    'core/memo/index.ts': `import { profileArtifacts } from '../workspace/index.js'; export const m = (s, p) => profileArtifacts(s, p);`,
    'core/memo/types.ts': ``,
    'core/workspace/index.ts': `export function profileArtifacts(store, id) { return store.profile(id); }`,
    'core/workspace/types.ts': ``,
    'core/workspace/profile-session.ts': `export const open = (store, id) => ({ db: store.profile(id), artifacts: new ArtifactStore(store.profile(id), '') });`,
    'commands/run.ts': `export const h = (store, id) => new ArtifactStore(store.profile(id), '');`,
    'platform/db/data-store.ts': `export class DataStore { profile(id) { return this.open(id); } }`,
  });
  const result = checkStructure(src);
  assert.equal(result.status, 1);
  const reported = result.stderr.split('\n').filter((line) => line.includes('resolves a profile itself')).map((line) => line.trim().split(':')[0]).sort();
  assert.deepEqual(reported, ['commands/run.ts', 'core/memo/index.ts', 'core/talk/index.ts']);
});
