import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/cli.js';

/** Every error code written in src/: AppError calls, code tables and code arguments. */
function codesUsedInSource(): Set<string> {
  const codes = new Set<string>();
  const patterns = [
    /new AppError\(\s*'([a-z0-9_]+)'/g,
    /\b(?:code|parseOrThrow\([^)]*?)[:,]\s*'([a-z0-9]+(?:_[a-z0-9]+)+)'/g,
    /\[\s*'([a-z0-9]+(?:_[a-z0-9]+)+)',\s*'[A-Z]/g,
  ];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const pattern of patterns) for (const match of text.matchAll(pattern)) codes.add(match[1]!);
      }
    }
  };
  visit(join(REPO_ROOT, 'src'));
  return codes;
}

test('every error code in the source is in the runbook with an operator action', () => {
  const runbook = readFileSync(join(REPO_ROOT, 'docs/operations/runbook.md'), 'utf8');
  const documented = new Set([...runbook.matchAll(/^\| `([a-z0-9_]+)` \|[^|]+\|\s*\S[^|]*\|$/gm)].map((m) => m[1]!));
  const used = codesUsedInSource();
  assert.ok(used.size >= 20, `the scan found only ${used.size} codes: is it still reading the source?`);
  const missing = [...used].filter((code) => !documented.has(code)).sort();
  assert.deepEqual(missing, [], 'codes used in src/ but missing from docs/operations/runbook.md');
});
