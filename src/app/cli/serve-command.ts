import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer } from '../server/server.js';
import { createAppLogger } from '../logging/app-logger.js';
import { EXIT } from './exit-codes.js';
import { openStore } from './open-store.js';
import { reportFailure } from './output.js';

const UI_DIST = fileURLToPath(new URL('../../../ui/dist', import.meta.url));

export interface StartOptions {
  port?: string;
  open?: boolean;
}

/**
 * `lectern start`: owns the data folder, serves the app on 127.0.0.1, prints the one-time launch link and opens the
 * browser (unless --no-open). SIGINT/SIGTERM shut down cleanly: stop accepting, let requests finish, cancel running
 * jobs, snapshot what changed, checkpoint, mark clean, release the lock.
 */
export async function runStart(dataDir: string, options: StartOptions): Promise<number> {
  let store;
  try {
    store = openStore(dataDir);
    store.global();
  } catch (error) {
    store?.close();
    return reportFailure(error, false, EXIT.refused);
  }
  const log = createAppLogger(dataDir);
  const port = options.port === undefined ? 0 : Number(options.port);
  const running = await startServer({ store, port, staticDir: UI_DIST, log });
  process.stdout.write(`Lectern is running. Open this link (it works once):\n  ${running.launchUrl}\n`);
  log.info({ port: running.port }, 'started');
  if (options.open !== false) openBrowser(running.launchUrl);
  return new Promise<number>((resolve) => {
    const shutdown = (signal: string) => {
      log.info({ signal }, 'stopping');
      void running.close().then(() => {
        store.close();
        log.info('stopped cleanly');
        process.stdout.write('Lectern stopped; your data is saved.\n');
        resolve(EXIT.ok);
      });
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
}

/** Best effort: a machine without a desktop just keeps the printed link. */
function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    spawn(command, [url], { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
  } catch {
    // no opener: the link is printed
  }
}
