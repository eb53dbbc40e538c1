import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/cli.js';

/** The opening and closing lines git writes around a conflict; a merged file never starts a line with either. */
const CONFLICT_MARKER = /^(<{7} |>{7} )/m;

/** The files git tracks (and new ones not ignored), as they are in the working tree. */
function repositoryTextFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return listed.split('\0').filter((path) => /\.(ts|mts|mjs|js|vue|md|json|sql|css|html|yml|yaml)$/.test(path));
}

test('no file keeps the markers of a merge conflict (one once landed in docs/benchmarks.md)', { timeout: 20_000 }, () => {
  const marked = repositoryTextFiles().filter((path) => {
    try {
      return CONFLICT_MARKER.test(readFileSync(join(REPO_ROOT, path), 'utf8'));
    } catch {
      return false; // listed but deleted in the working tree
    }
  });
  assert.deepEqual(marked, []);
});
