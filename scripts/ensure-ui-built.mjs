#!/usr/bin/env node
// Builds the web UI (ui/ -> ui/dist) when it is missing or older than its sources, so that `npm start` always
// serves the UI of this checkout without rebuilding on every start.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildUi } from './build-ui.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const ui = join(root, 'ui');
const built = join(ui, 'dist', 'index.html');

function newestSourceMs(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

// The UI also bundles the shared rules of src/contracts (findingsOf, for one): a change there rebuilds it too.
const sourcesMs = Math.max(newestSourceMs(ui), newestSourceMs(join(root, 'src', 'contracts')));
if (!existsSync(built) || statSync(built).mtimeMs < sourcesMs) {
  console.log('Building the web UI...');
  buildUi(root);
}
