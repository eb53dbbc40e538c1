import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { AppError } from '../../kernel/errors.js';
import { ensurePrivateDir } from '../fs/private-permissions.js';
import type { DbScope } from './scope.js';

const PROFILE_ID = /^prof_[0-9a-f]{32}$/;

/**
 * Profile ids become folder names, so they are checked before any path is built from them: nothing like
 * `../` or an absolute path can ever reach the file system through a profile id.
 */
export function assertValidProfileId(profileId: unknown): asserts profileId is string {
  if (typeof profileId !== 'string' || !PROFILE_ID.test(profileId)) {
    throw new AppError('profile_id_invalid', 'The profile id is not valid (expected prof_ followed by 32 hex digits).');
  }
}

export interface DataDirSource {
  /** `--data-dir` from the command line. */
  flag?: string | undefined;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

/** `--data-dir`, else `LECTERN_DATA_DIR`, else the OS user-data folder for "lectern". */
export function resolveDataDir(source: DataDirSource = {}): string {
  const env = source.env ?? process.env;
  if (source.flag) return resolve(source.flag);
  if (env.LECTERN_DATA_DIR) return resolve(env.LECTERN_DATA_DIR);
  return defaultUserDataDir(source.platform ?? process.platform, env, source.home ?? homedir());
}

function defaultUserDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Lectern');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Lectern');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'lectern');
}

/**
 * Where every file of a data directory lives. Pure path arithmetic plus `ensure*` methods that create private folders;
 * nothing here opens a database.
 */
export class DataLayout {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Written first into a new data folder: the folder is Lectern's (see data-dir-claim.ts). */
  get dataDirMarker(): string {
    return join(this.root, '.lectern-data');
  }

  get lockFile(): string {
    return join(this.root, 'lectern.lock');
  }

  /**
   * How a second `lectern start` reaches the running one: its pid, port and a per-run secret. 0600 inside the 0700
   * folder, so only this user can read it (docs/decisions/0007-app-window-and-single-instance.md).
   */
  get instanceFile(): string {
    return join(this.root, 'lectern.instance');
  }

  /** The app window's own browser profile (`--user-data-dir`): its cookies never mix with the user's browsing. */
  get appWindowProfileDir(): string {
    return join(this.root, 'app-window');
  }

  get globalDb(): string {
    return join(this.root, 'global.db');
  }

  get profilesDir(): string {
    return join(this.root, 'profiles');
  }

  profileDir(profileId: string): string {
    assertValidProfileId(profileId);
    return join(this.profilesDir, profileId);
  }

  profileDb(profileId: string): string {
    return join(this.profileDir(profileId), 'profile.db');
  }

  /** The folder that holds a scope's database file, its `backups/` and its `corrupted/`. */
  scopeDir(scope: DbScope): string {
    return scope.kind === 'global' ? this.root : this.profileDir(scope.profileId);
  }

  dbFile(scope: DbScope): string {
    return scope.kind === 'global' ? this.globalDb : this.profileDb(scope.profileId);
  }

  backupsDir(scope: DbScope): string {
    return join(this.scopeDir(scope), 'backups');
  }

  corruptedDir(scope: DbScope): string {
    return join(this.scopeDir(scope), 'corrupted');
  }

  /** whisper.cpp models downloaded by the model manager (never inside a profile: they hold no personal data). */
  get modelsDir(): string {
    return join(this.root, 'models');
  }

  /** A model file by its catalogue file name (names come from the catalogue only, never from a request). */
  modelFile(fileName: string): string {
    if (!/^ggml-[a-z0-9.]+\.bin$/.test(fileName)) throw new AppError('model_unknown', 'Unknown speech model.');
    return join(this.modelsDir, fileName);
  }

  /** Where a download in progress grows; never read as a model, removed when found bad. */
  modelPartialFile(fileName: string): string {
    return `${this.modelFile(fileName)}.part`;
  }

  /** `staging/`: uploads on their way in, and the speech engines' temp files. */
  get stagingDir(): string {
    return join(this.root, 'staging');
  }

  /** `logs/`: the structured log and its rotations. */
  get logsDir(): string {
    return join(this.root, 'logs');
  }

  /** Generation 0 is the log being written (`logs/lectern.log`); older rotations are `lectern.log.1`, `.2`, ... */
  logFile(generation = 0): string {
    if (!Number.isInteger(generation) || generation < 0) throw new RangeError('a log generation is a whole number');
    return join(this.logsDir, generation === 0 ? 'lectern.log' : `lectern.log.${generation}`);
  }

  /** Profile folders present on disk (valid ids only), whatever the global database says: for forensics. */
  profileIdsOnDisk(): string[] {
    if (!existsSync(this.profilesDir)) return [];
    return readdirSync(this.profilesDir).filter((name) => PROFILE_ID.test(name)).sort();
  }

  /** Creates the data dir and the scope's folders, all 0700. */
  ensureScopeDirs(scope: DbScope): void {
    ensurePrivateDir(this.root);
    if (scope.kind === 'profile') {
      ensurePrivateDir(this.profilesDir);
      ensurePrivateDir(this.profileDir(scope.profileId));
    }
    ensurePrivateDir(this.backupsDir(scope));
    ensurePrivateDir(this.corruptedDir(scope));
  }
}
