import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './cli.js';
import { http } from './http.js';

const BIN = fileURLToPath(new URL('../../bin/lectern', import.meta.url));

export interface AppProcess {
  child: ChildProcess;
  port: number;
  origin: string;
  /** The link it printed, already used by this helper to log in. */
  launchUrl: string;
  launchToken: string;
  cookie: string;
  post(command: string, payload: unknown): Promise<{ status: number; body: { result?: unknown; error?: { code: string } } }>;
  /** SIGTERM, then the exit code once the process and everything writing to its output have ended. */
  stop(): Promise<number | null>;
  /** Everything printed on stdout so far. */
  output(): string;
  /** Everything the process wrote to stderr so far (also echoed to this process's stderr). */
  stderr(): string;
}

/** Which `lectern` to run: the checkout's `bin/lectern` by default, or an installed one (`command` + `args`). */
export interface AppCommand {
  command: string;
  args: string[];
  cwd: string;
  /**
   * The command is a launcher (npx) that runs lectern in a child of its own: signals go to the whole process group,
   * as a terminal's Ctrl-C does, instead of to the launcher alone (which would leave lectern running).
   */
  processGroup?: boolean;
}

export const CHECKOUT_APP: AppCommand = { command: process.execPath, args: [BIN], cwd: REPO_ROOT };

/** The real `lectern start --no-open` (or with `startArgs`) in its own process, logged in with its launch link. */
export async function startAppProcess(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
  app: AppCommand = CHECKOUT_APP,
  startArgs: string[] = ['--no-open'],
): Promise<AppProcess> {
  const child = spawn(app.command, [...app.args, 'start', ...startArgs, '--data-dir', dataDir], {
    cwd: app.cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: app.processGroup === true,
  });
  let errors = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    errors += chunk;
    process.stderr.write(chunk);
  });
  const signal = (name: NodeJS.Signals) => (app.processGroup ? process.kill(-child.pid!, name) : child.kill(name));
  // Never left behind by a failed test: a running lectern would keep the test file's process alive.
  after(() => {
    if (child.exitCode === null && child.signalCode === null) signal('SIGKILL');
  });
  let output = '';
  child.stdout!.setEncoding('utf8');
  const link = await new Promise<URL>((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      output += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/auth\?token=[\w-]+)/.exec(output);
      if (match) resolve(new URL(match[1]!));
    });
    child.once('exit', () => reject(new Error(`lectern start exited: ${output}`)));
  });
  const port = Number(link.port);
  const auth = await http(port, { path: link.pathname + link.search });
  const cookie = String(auth.headers['set-cookie']).split(';')[0]!;
  const origin = `http://127.0.0.1:${port}`;
  return {
    child,
    port,
    origin,
    launchUrl: link.href,
    launchToken: link.searchParams.get('token')!,
    cookie,
    post: async (command, payload) => {
      const answer = await http(port, { method: 'POST', path: `/api/invoke/${command}`, headers: { cookie, origin }, body: JSON.stringify(payload) });
      return { status: answer.status, body: JSON.parse(answer.body) };
    },
    stop: async () => {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      const outputClosed = once(child.stdout!, 'close');
      signal('SIGTERM');
      const [code] = (await exited) as [number | null];
      await outputClosed;
      return code;
    },
    output: () => output,
    stderr: () => errors,
  };
}
