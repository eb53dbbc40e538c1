import { ensurePrivateDir } from '../../platform/fs/private-permissions.js';
import { launchDetached as launch, systemOpener } from '../../platform/os/system-opener.js';
import { canExecute, findAppBrowser, isChromiumFamily, type BrowserSearch } from './app-browsers.js';

export interface OpenAppOptions {
  /** `--browser PATH`: this program instead of the one found. */
  browser?: string | undefined;
  /** The app window's own profile folder (created 0700 before the browser starts). */
  profileDir: string;
  search?: BrowserSearch;
}

/** How the link was opened, for the message printed to the user. */
export type OpenedWith =
  | { kind: 'app-window'; browser: string }
  | { kind: 'browser'; browser: string }
  | { kind: 'default-browser' }
  | { kind: 'not-opened'; reason: 'browser_not_executable' };

/**
 * Opens the launch link the way an app opens: a Chromium-family browser in app mode (`--app=URL`: a window with no
 * tabs or address bar) with its own profile under the data folder, so its cookies and storage never mix with the
 * user's browsing; else the system's default browser. Best effort: the link is printed either way.
 *
 * @example openApp(running.launchUrl, { profileDir: layout.appWindowProfileDir })
 */
export function openApp(url: string, options: OpenAppOptions): OpenedWith {
  const platform = options.search?.platform ?? process.platform;
  if (options.browser !== undefined && !canExecute(options.browser)) return { kind: 'not-opened', reason: 'browser_not_executable' };
  const browser = options.browser ?? findAppBrowser(options.search);
  if (browser && isChromiumFamily(browser)) {
    ensurePrivateDir(options.profileDir);
    launch(browser, appWindowArguments(url, options.profileDir));
    return { kind: 'app-window', browser };
  }
  if (browser) {
    launch(browser, [url]);
    return { kind: 'browser', browser };
  }
  launch(systemOpener(platform), [url]);
  return { kind: 'default-browser' };
}

/** Chromium's switches for a window of our own: app mode, our profile, no first-run or default-browser prompts. */
export function appWindowArguments(url: string, profileDir: string): string[] {
  return [`--app=${url}`, `--user-data-dir=${profileDir}`, '--no-first-run', '--no-default-browser-check'];
}
