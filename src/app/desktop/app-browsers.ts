import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { basename, delimiter, join, posix, win32 } from 'node:path';

/** Where to look for a browser: the real machine by default, anything in tests. */
export interface BrowserSearch {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  home?: string;
  /** Whether a full path is a program this user may run. */
  isExecutable?: (path: string) => boolean;
}

/** Chromium-family browsers on Linux, as command names on PATH, most common first. */
const LINUX_COMMANDS = [
  'google-chrome',
  'google-chrome-stable',
  'chromium',
  'chromium-browser',
  'microsoft-edge',
  'microsoft-edge-stable',
  'brave-browser',
  'vivaldi',
  'vivaldi-stable',
];

/** macOS application bundles and the program inside each. */
const MAC_APPS: [bundle: string, program: string][] = [
  ['Google Chrome.app', 'Google Chrome'],
  ['Chromium.app', 'Chromium'],
  ['Microsoft Edge.app', 'Microsoft Edge'],
  ['Brave Browser.app', 'Brave Browser'],
  ['Vivaldi.app', 'Vivaldi'],
];

/** Windows programs below %LOCALAPPDATA%, %ProgramFiles% or %ProgramFiles(x86)%. Edge ships with Windows 10 and 11. */
const WINDOWS_PROGRAMS = [
  ['Google', 'Chrome', 'Application', 'chrome.exe'],
  ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
  ['BraveSoftware', 'Brave-Browser', 'Application', 'brave.exe'],
  ['Chromium', 'Application', 'chrome.exe'],
  ['Vivaldi', 'Application', 'vivaldi.exe'],
];

/** Program names that take Chromium's `--app=` and `--user-data-dir=` switches. */
const CHROMIUM_FAMILY = /chrom|msedge|edge|brave|vivaldi|opera/i;

/**
 * The first Chromium-family browser installed, or null. Only these browsers open a page as an app window
 * (`--app=URL`) with a profile of our own (`--user-data-dir`); with none, the caller falls back to the default browser.
 */
export function findAppBrowser(search: BrowserSearch = {}): string | null {
  const platform = search.platform ?? process.platform;
  const env = search.env ?? process.env;
  const isExecutable = search.isExecutable ?? canExecute;
  if (platform === 'darwin') {
    const roots = ['/Applications', posix.join(search.home ?? homedir(), 'Applications')];
    return firstExecutable(roots.flatMap((root) => MAC_APPS.map(([bundle, program]) => posix.join(root, bundle, 'Contents', 'MacOS', program))), isExecutable);
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.ProgramFiles, env['ProgramFiles(x86)']].filter((root): root is string => Boolean(root));
    return firstExecutable(roots.flatMap((root) => WINDOWS_PROGRAMS.map((parts) => win32.join(root, ...parts))), isExecutable);
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  return firstExecutable(LINUX_COMMANDS.flatMap((command) => dirs.map((dir) => join(dir, command))), isExecutable);
}

/** Whether a browser given by path (`--browser`) is of the Chromium family, judged by its program name. */
export function isChromiumFamily(browserPath: string): boolean {
  return CHROMIUM_FAMILY.test(basename(browserPath));
}

function firstExecutable(paths: string[], isExecutable: (path: string) => boolean): string | null {
  return paths.find((path) => isExecutable(path)) ?? null;
}

/** Whether this user may run the program at `path`. */
export function canExecute(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
