#!/usr/bin/env node
// `npm run build` (and `npm pack`, through prepack): compiles src/ to JavaScript in dist/ and builds the UI into
// ui/dist, which is what the package ships and runs; nothing at run time needs TypeScript, tsx or Vite. dist/ is
// removed first so that a file deleted from src/ can never ship from an earlier build.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildUi } from './build-ui.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

rmSync(join(root, 'dist'), { recursive: true, force: true });
const compiled = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
if (compiled.status !== 0) process.exit(compiled.status ?? 1);
buildUi(root);
