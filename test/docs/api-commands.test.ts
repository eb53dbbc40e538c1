import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ALL_COMMANDS } from '../../src/commands/index.js';
import { REPO_ROOT } from '../support/cli.js';

/** Command names documented in docs/api/commands.md: section titles and first cells of command tables. */
function documentedCommands(): Set<string> {
  const doc = readFileSync(join(REPO_ROOT, 'docs/api/commands.md'), 'utf8');
  const titles = [...doc.matchAll(/^## ([a-z][a-z0-9_]+)$/gm)].map((m) => m[1]!);
  const rows = [...doc.matchAll(/^\| `([a-z][a-z0-9_]+)` \| `?\{/gm)].map((m) => m[1]!);
  return new Set([...titles, ...rows]);
}

test('every registered command is documented in docs/api/commands.md, and every documented command exists', () => {
  const registered = new Set(ALL_COMMANDS.map((command) => command.name));
  const documented = documentedCommands();
  assert.deepEqual([...registered].filter((name) => !documented.has(name)).sort(), [], 'registered but not documented');
  assert.deepEqual([...documented].filter((name) => !registered.has(name)).sort(), [], 'documented but not registered');
});
