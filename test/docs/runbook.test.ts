import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ERROR_CODES } from '../../src/contracts/error-codes.js';
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

function documentedCodes(): string[] {
  const runbook = readFileSync(join(REPO_ROOT, 'docs/operations/runbook.md'), 'utf8');
  return [...runbook.matchAll(/^\| `([a-z0-9_]+)` \|[^|]+\|\s*\S[^|]*\|$/gm)].map((m) => m[1]!);
}

test('the runbook documents exactly the error-code catalogue, each code once with an operator action', () => {
  const documented = documentedCodes();
  assert.deepEqual([...documented].sort(), [...ERROR_CODES].sort());
  assert.equal(new Set(documented).size, documented.length, 'no code is documented twice');
});

test('every error code written in the source is in the catalogue (AppError is typed; this also reads code tables)', () => {
  const used = codesUsedInSource();
  assert.ok(used.has('db_busy') && used.has('profile_not_found'), 'the scan still reads the source');
  const catalogue = new Set<string>(ERROR_CODES);
  assert.deepEqual([...used].filter((code) => !catalogue.has(code)).sort(), [], 'codes used in src/ but missing from src/contracts/error-codes.ts');
});
