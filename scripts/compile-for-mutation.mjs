#!/usr/bin/env node
// Stryker's build step (stryker.config.mjs `buildCommand`), run inside its sandbox after the sources are instrumented:
// writes each .ts of src/ and test/ as a .js beside it, so that every test process of a mutation run starts on plain
// JavaScript instead of compiling TypeScript again (a test process then costs about half the CPU time). The imports
// already name `.js` files, and the code already runs compiled (as in dist/). Never run it in the project itself.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

if (!process.cwd().includes('.stryker-tmp')) {
  console.error('compile-for-mutation writes .js files beside the sources: it only runs inside a Stryker sandbox.');
  process.exit(1);
}

const entryPoints = ['src', 'test']
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => join(dir, file)))
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.startsWith(join('test', 'ui')));

buildSync({ entryPoints, outdir: '.', outbase: '.', format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning', tsconfigRaw: {} });
console.log(`Compiled ${entryPoints.length} TypeScript files for the mutation run.`);
