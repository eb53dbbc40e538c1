import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.js';

export interface RunningApp {
  process: ChildProcess;
  dataDir: string;
  launchUrl: string;
  origin: string;
  stop(): Promise<void>;
}

/** Starts the real `lectern start --no-open` on a fresh (or given) data dir and reads the launch link it prints. */
export async function startApp(dataDir = mkdtempSync(join(tmpdir(), 'lectern-e2e-'))): Promise<RunningApp> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/lectern'), 'start', '--no-open', '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const launchUrl = await new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      output += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/auth\?token=[\w-]+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.on('exit', () => reject(new Error(`lectern start exited: ${output}`)));
  });
  return {
    process: child,
    dataDir,
    launchUrl,
    origin: new URL(launchUrl).origin,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
