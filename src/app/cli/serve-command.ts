import { fileURLToPath } from 'node:url';
import { startServer } from '../server/server.js';
import { createAppLogger } from '../logging/app-logger.js';
import { openApp, type OpenedWith } from '../desktop/open-app.js';
import { AppError } from '../../kernel/errors.js';
import { DataLayout } from '../../platform/db/layout.js';
import { EXIT } from './exit-codes.js';
import { openStore } from './open-store.js';
import { startSnapshotSchedule } from '../background/snapshot-schedule.js';
import { reportFailure } from './output.js';
import { askRunningInstanceForLink, newInstanceSecret, publishInstance, withdrawInstance } from './running-instance.js';

const UI_DIST = fileURLToPath(new URL('../../../ui/dist', import.meta.url));

export interface StartOptions {
  port?: string;
  open?: boolean;
  /** `--browser PATH`: open the app with this browser instead of the one found. */
  browser?: string;
}

/**
 * `lectern start`: owns the data folder, serves the app on 127.0.0.1, prints the one-time launch link and opens it in
 * an app window (unless --no-open). When another `lectern start` already owns the folder, asks it for a new link and
 * opens that instead. SIGINT/SIGTERM shut down cleanly: stop accepting, let requests finish, cancel running jobs,
 * snapshot what changed, checkpoint, mark clean, release the lock.
 */
export async function runStart(dataDir: string, options: StartOptions): Promise<number> {
  const layout = new DataLayout(dataDir);
  let store;
  try {
    store = openStore(dataDir, { shutdownSnapshot: 'when-changed' });
    store.global();
  } catch (error) {
    store?.close();
    if (error instanceof AppError && error.code === 'data_dir_locked') {
      const link = await askRunningInstanceForLink(layout);
      if (link) return reopenRunningInstance(link, layout, options);
    }
    return reportFailure(error, false, EXIT.refused);
  }
  const log = createAppLogger(dataDir);
  const port = options.port === undefined ? 0 : Number(options.port);
  const instanceSecret = newInstanceSecret();
  const running = await startServer({ store, port, staticDir: UI_DIST, log, instanceSecret });
  publishInstance(layout, running.port, instanceSecret);
  process.stdout.write(`Lectern is running. Open this link (it works once):\n  ${running.launchUrl}\n`);
  log.info({ port: running.port }, 'started');
  const snapshots = startSnapshotSchedule(store, log);
  if (options.open !== false) tellHowItOpened(open(running.launchUrl, layout, options));
  return new Promise<number>((resolve) => {
    const shutdown = (signal: string) => {
      log.info({ signal }, 'stopping');
      withdrawInstance(layout);
      void running
        .close()
        .then(() => snapshots.stop())
        .then(() => {
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

/** The second `lectern start` on a folder: the running one gave a new one-time link; open it and leave. */
function reopenRunningInstance(link: string, layout: DataLayout, options: StartOptions): number {
  process.stdout.write(`Lectern is already running for this data folder. Open this new link (it works once):\n  ${link}\n`);
  if (options.open !== false) tellHowItOpened(open(link, layout, options));
  return EXIT.ok;
}

function open(link: string, layout: DataLayout, options: StartOptions): OpenedWith {
  return openApp(link, { browser: options.browser, profileDir: layout.appWindowProfileDir });
}

function tellHowItOpened(opened: OpenedWith): void {
  if (opened.kind === 'not-opened') process.stderr.write('warning: the --browser program cannot be run; open the link yourself.\n');
}
