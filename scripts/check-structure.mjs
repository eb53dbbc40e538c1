#!/usr/bin/env node
// Keeps the layer rules of docs/architecture.md true by checking them, not by remembering them:
//   1. imports point down only: app -> commands -> core -> platform -> kernel; contracts are shared by all;
//   2. SQL text lives only in core/*/queries.ts, platform/db/** and migrations/;
//   3. command files hold no SQL and no file-system calls, and only platform/db opens database files;
//   4. every core context has index.ts and types.ts;
//   5. a core context is reached from outside only through its index.ts (from another context, a command or the app);
//   6. no import cycle between our files, nor between core contexts;
//   7. core and command files build no file paths (no node:path): data-folder paths come from platform/db/layout.ts;
//   8. a profile is resolved once per command, by its session (core/workspace/profile-session.ts): outside platform/
//      and core/workspace/ (which creates, lists and deletes profiles), no file opens a profile's database
//      (`.profile(`), builds its artifact store (`new ArtifactStore(`) or calls the old per-call resolvers.
// Usage: node scripts/check-structure.mjs [srcDir]   (exit 1 and one line per violation when a rule is broken)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const srcDir = resolve(process.argv[2] ?? new URL('../src', import.meta.url).pathname);
const RANK = { kernel: 1, platform: 2, core: 3, commands: 4, app: 5 };
const SQL = /\b(SELECT\s[\s\S]*?\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|UNIQUE\s+INDEX|TRIGGER|VIEW)|DROP\s+(TABLE|INDEX)|ALTER\s+TABLE|PRAGMA\s+\w+)\b/;
const FS_MODULES = /^(node:)?(fs|fs\/promises)$/;
const PROFILE_RESOLUTION = /\.profile\(|new ArtifactStore\(|\bprofileDatabase\(|\bprofileArtifacts\(/;
const withoutComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

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
  return [...withoutComments(text).matchAll(/`(?:\\.|[^`\\])*`|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g)].map((m) => m[0]);
}

function sqlAllowed(rel) {
  return /^core\/[^/]+\/queries\.ts$/.test(rel) || rel.startsWith('platform/db/');
}

/** `core/<context>/...` -> the context's name, else null. */
function contextOf(rel) {
  return /^core\/([^/]+)\//.exec(rel)?.[1] ?? null;
}

const toRel = (file) => relative(srcDir, file).split(sep).join('/');
const violations = [];
const files = walk(srcDir);
/** file (relative) -> the files (relative) it imports: for the cycle check. */
const graph = new Map();
for (const file of files) {
  const rel = relative(srcDir, file).split(sep).join('/');
  const layer = layerOf(file);
  const text = readFileSync(file, 'utf8');
  const edges = [];
  graph.set(rel, edges);
  for (const specifier of importsOf(text)) {
    if (specifier.startsWith('.')) {
      const target = resolve(dirname(file), specifier);
      const targetRel = toRel(target).replace(/\.js$/, '.ts');
      edges.push(targetRel);
      const targetContext = contextOf(targetRel);
      if (targetContext && targetContext !== contextOf(rel) && targetRel !== `core/${targetContext}/index.ts`) {
        violations.push(`${rel}: reaches into core/${targetContext}'s internals (${specifier}); import its index.ts`);
      }
      const targetLayer = layerOf(target);
      if (targetLayer === 'contracts' || targetLayer === layer) continue;
      if (layer === 'contracts') violations.push(`${rel}: contracts import nothing of ours but contracts (imports ${specifier})`);
      else if (!(targetLayer in RANK)) violations.push(`${rel}: imports outside src layers (${specifier})`);
      else if (RANK[targetLayer] > RANK[layer]) violations.push(`${rel}: ${layer} must not import ${targetLayer} (${specifier})`);
    } else {
      if (layer === 'commands' && FS_MODULES.test(specifier)) violations.push(`${rel}: command files make no file-system calls (${specifier})`);
      if ((layer === 'core' || layer === 'commands') && /^(node:)?path$/.test(specifier)) {
        violations.push(`${rel}: builds file paths (${specifier}); data-folder paths come from platform/db/layout.ts`);
      }
      if (specifier === 'better-sqlite3' && /import\s+(?!type\b)[^'"]*from\s+['"]better-sqlite3['"]/.test(text) && !rel.startsWith('platform/db/')) {
        violations.push(`${rel}: only platform/db opens database files (runtime import of better-sqlite3)`);
      }
    }
  }
  if (!rel.startsWith('platform/') && !rel.startsWith('core/workspace/')) {
    const resolution = withoutComments(text).match(PROFILE_RESOLUTION);
    if (resolution) violations.push(`${rel}: resolves a profile itself (${resolution[0]}); take the ProfileSession the registry opened`);
  }
  if (!sqlAllowed(rel) && stringsOf(text).some((literal) => SQL.test(literal))) {
    violations.push(`${rel}: SQL text belongs in core/<ctx>/queries.ts or platform/db/`);
  }
}

for (const cycle of importCycles(graph)) violations.push(`import cycle: ${cycle.join(' -> ')}`);
for (const cycle of importCycles(contextGraph(graph))) violations.push(`context cycle: ${cycle.join(' -> ')} (a context may depend on another, not both ways)`);

/** core/<a> -> core/<b> whenever a file of context a imports a file of context b. */
function contextGraph(fileEdges) {
  const contexts = new Map();
  for (const [file, targets] of fileEdges) {
    const from = contextOf(file);
    if (!from) continue;
    if (!contexts.has(from)) contexts.set(from, []);
    for (const target of targets) {
      const to = contextOf(target);
      if (to && to !== from && !contexts.get(from).includes(to)) contexts.get(from).push(to);
    }
  }
  for (const targets of contexts.values()) for (const to of targets) if (!contexts.has(to)) contexts.set(to, []);
  return contexts;
}

/** Every cycle of the import graph, one per strongly connected component (Tarjan), as a readable path. */
function importCycles(edgesOf) {
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const cycles = [];
  let counter = 0;
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edgesOf.get(node) ?? []) {
      if (!edgesOf.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) cycles.push([...component.sort(), component.sort()[0]]);
  };
  for (const node of [...edgesOf.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
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
