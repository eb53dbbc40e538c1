import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/cli.js';
import { makeTempDir } from '../support/temp-dir.js';

const TSC = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** The two typed doors: the UI's `invoke` (bundler settings) and the tests' `invokeOk` (the server's settings). */
const DOORS = {
  ui: {
    tsconfig: 'ui/tsconfig.json',
    header: `import { invoke } from '${join(REPO_ROOT, 'ui/src/api/invoke')}';\nexport async function calls(): Promise<unknown> {`,
    types: [] as string[],
  },
  tests: {
    tsconfig: 'tsconfig.json',
    header:
      `import { invokeOk } from '${join(REPO_ROOT, 'test/support/invoke.js')}';\n` +
      `import type { DataStore } from '${join(REPO_ROOT, 'src/platform/db/data-store.js')}';\n` +
      `export async function calls(store: DataStore): Promise<unknown> {`,
    types: ['node'],
  },
} as const;

/** Type-checks a function body that calls one door, with the project's own settings for that side. */
function typeCheck(door: keyof typeof DOORS, body: string): { status: number; output: string } {
  const { tsconfig, header, types } = DOORS[door];
  const dir = makeTempDir('lectern-typed-doors-');
  const file = join(dir, 'calls.ts');
  writeFileSync(file, `${header}\n${body}\n}\n`);
  const compilerOptions = { noEmit: true, rootDir: '/', types, typeRoots: [join(REPO_ROOT, 'node_modules', '@types')] };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: join(REPO_ROOT, tsconfig), compilerOptions, include: [], files: [file] }));
  const result = spawnSync(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  return { status: result.status ?? -1, output: result.stdout + result.stderr };
}

test('calls typed from the command catalogue compile, in the UI and in the tests', { timeout: 120_000 }, () => {
  const ui = typeCheck('ui', `  const { profile } = await invoke('profile_create', { name: 'Ada' });\n  return profile.name;`);
  assert.equal(ui.status, 0, ui.output);
  const tests = typeCheck('tests', `  const { projects } = await invokeOk(store, 'project_list', { profileId: 'prof_x' });\n  return projects.map((p) => p.title);`);
  assert.equal(tests.status, 0, tests.output);
});

test('a renamed command, a renamed payload field or a renamed result field fails the type check', { timeout: 120_000 }, () => {
  const ui = typeCheck('ui', `  await invoke('profile_creat', { name: 'Ada' });\n  const { profile } = await invoke('profile_create', { name: 'Ada' });\n  return profile.nam;`);
  assert.equal(ui.status, 2, ui.output);
  assert.match(ui.output, /calls\.ts\(3,16\): error TS2345: Argument of type '"profile_creat"' is not assignable/);
  assert.match(ui.output, /calls\.ts\(5,18\): error TS2551: Property 'nam' does not exist/);
  const tests = typeCheck('tests', `  return invokeOk(store, 'project_list', { profile: 'prof_x' });`);
  assert.equal(tests.status, 2, tests.output);
  assert.match(tests.output, /calls\.ts\(4,44\): error TS2561: Object literal may only specify known properties, but 'profile' does not exist/);
});
