import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './cli.js';
import { http } from './http.js';

const BIN = fileURLToPath(new URL('../../bin/lectern', import.meta.url));

export interface AppProcess {
  child: ChildProcess;
  port: number;
  origin: string;
  launchToken: string;
  cookie: string;
  /** Everything the process wrote to stderr so far (also echoed to this process's stderr). */
  stderr(): string;
  post(command: string, payload: unknown): Promise<{ status: number; body: { result?: unknown; error?: { code: string } } }>;
  stop(): Promise<number | null>;
}

/** The real `lectern start --no-open` in its own process, logged in with its launch link. */
export async function startAppProcess(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<AppProcess> {
  const child = spawn(process.execPath, [BIN, 'start', '--no-open', '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    errors += chunk;
    process.stderr.write(chunk);
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
    launchToken: link.searchParams.get('token')!,
    cookie,
    stderr: () => errors,
    post: async (command, payload) => {
      const answer = await http(port, { method: 'POST', path: `/api/invoke/${command}`, headers: { cookie, origin }, body: JSON.stringify(payload) });
      return { status: answer.status, body: JSON.parse(answer.body) };
    },
    stop: async () => {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}
