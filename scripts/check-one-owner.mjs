#!/usr/bin/env node
// One owner per rule: a rule lives once in src/contracts/ and the UI imports it. This check fails when a copy creeps
// back in, for the rules a copy of which has already drifted once:
//   1. a preference key of src/contracts/preference-keys.ts written as a string in ui/src (import PREFERENCE_KEYS);
//   2. the language union 'en' | 'fr' spelled out anywhere but src/contracts/locale.ts (import Locale);
//   3. a constant of src/contracts (a limit, a band, a cap) declared again in ui/src with a literal value.
// Usage: node scripts/check-one-owner.mjs [repoRoot]   (exit 1 and one line per copy found)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? new URL('..', import.meta.url).pathname);
const contractsDir = join(root, 'src/contracts');
const uiDir = join(root, 'ui/src');

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.(ts|vue)$/.test(name) ? [path] : [];
  });
}

const rel = (file) => relative(root, file).split(sep).join('/');
const withoutComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const preferenceKeys = new Set(
  [...readFileSync(join(contractsDir, 'preference-keys.ts'), 'utf8').matchAll(/^\s+\w+: '([^']+)',$/gm)].map((m) => m[1]),
);
const contractConstants = new Set(
  walk(contractsDir).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^export const ([A-Z][A-Z0-9_]+)\b/gm)].map((m) => m[1])),
);

const violations = [];
for (const file of walk(uiDir)) {
  const text = withoutComments(readFileSync(file, 'utf8'));
  for (const [, quoted] of text.matchAll(/['"]([a-z]+\.[A-Za-z_.]+)['"]/g)) {
    if (preferenceKeys.has(quoted)) violations.push(`${rel(file)}: preference key '${quoted}' written out; import PREFERENCE_KEYS from src/contracts/preference-keys.ts`);
  }
  for (const [, name] of text.matchAll(/\bconst ([A-Z][A-Z0-9_]+)\s*(?::[^=]+)?=\s*[-\d[{'"]/g)) {
    if (contractConstants.has(name)) violations.push(`${rel(file)}: ${name} is declared again; import it from src/contracts`);
  }
}
for (const file of [...walk(join(root, 'src')), ...walk(uiDir)]) {
  if (rel(file) === 'src/contracts/locale.ts') continue;
  if (/'en'\s*\|\s*'fr'|'fr'\s*\|\s*'en'/.test(withoutComments(readFileSync(file, 'utf8')))) {
    violations.push(`${rel(file)}: the language union is spelled out; import Locale from src/contracts/locale.ts`);
  }
}

if (violations.length > 0) {
  console.error(`One-owner check failed (${violations.length}):\n  ${violations.join('\n  ')}`);
  process.exit(1);
}
console.log(`One-owner check passed: ${preferenceKeys.size} preference keys and ${contractConstants.size} contract constants have one home.`);
