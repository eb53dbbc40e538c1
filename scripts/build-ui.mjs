// Builds the web UI (ui/ -> ui/dist) with Vite, from the repository root. Shared by `npm start` (only when the build
// is missing or stale) and `npm run build` (always).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Runs `vite build ui`; exits the calling script with Vite's status when it fails. */
export function buildUi(root) {
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'ui', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
