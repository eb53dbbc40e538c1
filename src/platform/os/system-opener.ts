import { spawn } from 'node:child_process';
import { AppError } from '../../kernel/errors.js';

/**
 * The system's way to open a link or a folder with whatever the user chose for it: `open` on macOS, `explorer` on
 * Windows (which does what `start` does without going through cmd.exe, whose parsing of `&` and `^` would be one more
 * thing to get right), `xdg-open` elsewhere.
 */
export function systemOpener(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'open';
  if (platform === 'win32') return 'explorer';
  return 'xdg-open';
}

/** Starts a program on its own (it outlives Lectern's terminal); best effort: a failure to start is ignored. */
export function launchDetached(program: string, args: readonly string[]): void {
  try {
    spawn(program, [...args], { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
  } catch {
    // no such program: the caller has printed what the user needs
  }
}

/** `LECTERN_FILE_MANAGER`: a program of the user's choice to open folders with, instead of the system's opener. */
export const FILE_MANAGER_VARIABLE = 'LECTERN_FILE_MANAGER';

/**
 * Opens a folder in the system's file manager (or `LECTERN_FILE_MANAGER`), and resolves once that program has started
 * (`folder_open_failed` when there is none, e.g. a machine without a desktop). The folder is passed as one argument,
 * never through a shell.
 */
export function openFolder(folder: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  const program = process.env[FILE_MANAGER_VARIABLE] || systemOpener(platform);
  return new Promise((resolve, reject) => {
    const refused = () => reject(new AppError('folder_open_failed', 'No file manager could be started on this computer.'));
    try {
      const child = spawn(program, [folder], { stdio: 'ignore', detached: true });
      child.once('error', refused);
      child.once('spawn', () => {
        child.unref();
        resolve();
      });
    } catch {
      refused();
    }
  });
}
