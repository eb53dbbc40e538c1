import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/lectern', import.meta.url));

export interface CliResult {
  /** The exit code; -1 when the process was killed by a signal. */
  status: number;
  /** The signal that killed it, if one did (SIGKILL at a LECTERN_CRASH_AT point). */
  signal?: NodeJS.Signals | null;
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
  return { status: child.status ?? -1, signal: child.signal, stdout: child.stdout, stderr: child.stderr };
}

/**
 * Runs `bin/lectern` with its standard output piped into `true`, a reader that exits without reading: every write
 * then meets a closed pipe (EPIPE), as with `lectern snapshot list | head -1`. Returns the CLI's own exit status.
 */
export function runCliIntoClosedPipe(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const quoted = [process.execPath, BIN, ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
  const child = spawnSync('bash', ['-c', `${quoted} | true; exit "\${PIPESTATUS[0]}"`], {
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
