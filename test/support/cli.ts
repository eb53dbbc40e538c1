import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/lectern', import.meta.url));

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `bin/lectern` in a child process, as an operator would. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const child = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, LECTERN_DATA_DIR: '', ...env },
  });
  return { status: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

/** The same, without blocking this process: for tests that serve something (a model source) to the CLI meanwhile. */
export function runCliAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, LECTERN_DATA_DIR: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}
