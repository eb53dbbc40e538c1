#!/usr/bin/env node
// Keeps the layer rules of docs/architecture.md true by checking them, not by remembering them:
//   1. imports point down only: app -> commands -> core -> platform -> kernel; contracts are shared by all;
//   2. SQL text lives only in core/*/queries.ts, platform/db/** and migrations/;
//   3. command files hold no SQL and no file-system calls, and only platform/db opens database files;
//   4. every core context has index.ts and types.ts.
// Usage: node scripts/check-structure.mjs [srcDir]   (exit 1 and one line per violation when a rule is broken)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const srcDir = resolve(process.argv[2] ?? new URL('../src', import.meta.url).pathname);
const RANK = { kernel: 1, platform: 2, core: 3, commands: 4, app: 5 };
const SQL = /\b(SELECT\s[\s\S]*?\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|UNIQUE\s+INDEX|TRIGGER|VIEW)|DROP\s+(TABLE|INDEX)|ALTER\s+TABLE|PRAGMA\s+\w+)\b/;
const FS_MODULES = /^(node:)?(fs|fs\/promises)$/;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function layerOf(file) {
  return relative(srcDir, file).split(sep)[0];
}

function importsOf(text) {
  const specifiers = [];
  const pattern = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of text.matchAll(pattern)) specifiers.push(match[1] ?? match[2]);
  return specifiers;
}

/** String literals and template texts, so comments that merely mention SQL do not count. */
function stringsOf(text) {
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return [...withoutComments.matchAll(/`(?:\\.|[^`\\])*`|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g)].map((m) => m[0]);
}

function sqlAllowed(rel) {
  return /^core\/[^/]+\/queries\.ts$/.test(rel) || rel.startsWith('platform/db/');
}

const violations = [];
const files = walk(srcDir);
for (const file of files) {
  const rel = relative(srcDir, file).split(sep).join('/');
  const layer = layerOf(file);
  const text = readFileSync(file, 'utf8');
  for (const specifier of importsOf(text)) {
    if (specifier.startsWith('.')) {
      const target = resolve(dirname(file), specifier);
      const targetLayer = layerOf(target);
      if (targetLayer === 'contracts' || targetLayer === layer) continue;
      if (layer === 'contracts') violations.push(`${rel}: contracts import nothing of ours but contracts (imports ${specifier})`);
      else if (!(targetLayer in RANK)) violations.push(`${rel}: imports outside src layers (${specifier})`);
      else if (RANK[targetLayer] > RANK[layer]) violations.push(`${rel}: ${layer} must not import ${targetLayer} (${specifier})`);
    } else {
      if (layer === 'commands' && FS_MODULES.test(specifier)) violations.push(`${rel}: command files make no file-system calls (${specifier})`);
      if (specifier === 'better-sqlite3' && /import\s+(?!type\b)[^'"]*from\s+['"]better-sqlite3['"]/.test(text) && !rel.startsWith('platform/db/')) {
        violations.push(`${rel}: only platform/db opens database files (runtime import of better-sqlite3)`);
      }
    }
  }
  if (!sqlAllowed(rel) && stringsOf(text).some((literal) => SQL.test(literal))) {
    violations.push(`${rel}: SQL text belongs in core/<ctx>/queries.ts or platform/db/`);
  }
}

const coreDir = join(srcDir, 'core');
for (const context of safeReaddir(coreDir)) {
  if (!statSync(join(coreDir, context)).isDirectory()) continue;
  for (const required of ['index.ts', 'types.ts']) {
    if (!safeReaddir(join(coreDir, context)).includes(required)) violations.push(`core/${context}: missing ${required}`);
  }
}

function safeReaddir(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

if (violations.length > 0) {
  console.error(`Structure check failed (${violations.length}):\n  ${violations.join('\n  ')}`);
  process.exit(1);
}
console.log(`Structure check passed: ${files.length} files follow the layer rules.`);
