import { closeSync, existsSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { AppError } from '../../kernel/errors.js';
import { fsyncDir } from '../fs/durable-file.js';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../fs/private-permissions.js';
import type { DataLayout } from './layout.js';

const STICKY_BIT = 0o1000;

/**
 * Before Lectern makes a folder private (chmod 0700) and fills it, it must be Lectern's: missing or empty (then it is
 * claimed with a marker file, the first thing written), or already a data folder (the marker, or a `global.db` from
 * before the marker existed). Anything else, a home folder, a project, a shared folder like /tmp (world-writable with
 * the sticky bit) or one owned by another user, is refused with `data_dir_not_lectern` and left exactly as it was.
 */
export function claimDataDir(layout: DataLayout): void {
  const root = layout.root;
  if (existsSync(root)) {
    const stat = statSync(root);
    if (!stat.isDirectory()) refuse('is not a folder');
    if ((stat.mode & STICKY_BIT) !== 0) refuse('is a shared folder (anyone may create files in it)');
    if (process.getuid && stat.uid !== process.getuid()) refuse('belongs to another user');
    if (isLecternDataDir(layout)) return;
    if (readdirSync(root).length > 0) refuse('already holds other files');
  }
  ensurePrivateDir(root);
  const fd = openSync(layout.dataDirMarker, 'wx', PRIVATE_FILE_MODE);
  try {
    writeSync(fd, "This folder holds Lectern's data (databases, recordings, snapshots). Keep it private; do not edit.\n");
  } finally {
    closeSync(fd);
  }
  fsyncDir(root);
}

function isLecternDataDir(layout: DataLayout): boolean {
  return existsSync(layout.dataDirMarker) || existsSync(layout.globalDb);
}

function refuse(why: string): never {
  throw new AppError(
    'data_dir_not_lectern',
    `The data folder ${why}, so it is not a Lectern data folder; nothing was changed in it. Choose an empty folder ` +
      'or an existing Lectern data folder with --data-dir (or LECTERN_DATA_DIR).',
  );
}
