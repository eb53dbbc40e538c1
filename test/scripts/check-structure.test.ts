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
