import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './cli.js';
import type { AppCommand } from './app-process.js';

/** What `npm pack --json` says about one tarball. */
export interface PackedTarball {
  file: string;
  version: string;
  files: string[];
  dependencies: Record<string, string>;
}

interface NpmPackEntry {
  filename: string;
  version: string;
  files: { path: string }[];
}

/**
 * Packs a package folder the way a release is made (`npm pack`, which runs its `prepack`: for this checkout, the
 * build) into `destination`, and returns the tarball with its file list.
 */
export function packPackage(folder: string, destination: string, env: NodeJS.ProcessEnv = {}): PackedTarball {
  mkdirSync(destination, { recursive: true });
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // npm prints the prepack script's own output before the JSON array.
  const [entry] = JSON.parse(output.slice(output.indexOf('\n[') + 1)) as NpmPackEntry[];
  const manifest = JSON.parse(
    execFileSync('tar', ['-xzOf', join(destination, entry!.filename), 'package/package.json'], { encoding: 'utf8' }),
  ) as { dependencies?: Record<string, string> };
  return {
    file: join(destination, entry!.filename),
    version: entry!.version,
    files: entry!.files.map((file) => file.path).sort(),
    dependencies: manifest.dependencies ?? {},
  };
}

/** The source of a commit of this repository, unpacked into `destination` (no .git, nothing ignored). */
export function checkoutCommit(commit: string, destination: string): string {
  mkdirSync(destination, { recursive: true });
  const archive = execFileSync('git', ['archive', '--format=tar', commit], { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', destination], { input: archive });
  return destination;
}

/**
 * better-sqlite3 has no prebuilt binary we can download here, so every install compiles it (65-100 s). Tests hand its
 * install script (prebuild-install) the addon that `npm install` already compiled for this checkout: same version, same
 * Node, same machine. prebuild-install reads its settings from a `.prebuild-installrc` found by walking up from the
 * package being installed, so one file in `workDir` covers every install made under it (global prefixes, npx caches).
 * What is tested is our package; better-sqlite3's own compile is what `npm ci` did.
 */
export function useLocalBetterSqlitePrebuild(workDir: string): void {
  const moduleDir = join(REPO_ROOT, 'node_modules', 'better-sqlite3');
  const { version } = JSON.parse(readFileSync(join(moduleDir, 'package.json'), 'utf8')) as { version: string };
  const staging = join(workDir, 'prebuild-staging');
  mkdirSync(join(staging, 'build', 'Release'), { recursive: true });
  copyFileSync(join(moduleDir, 'build', 'Release', 'better_sqlite3.node'), join(staging, 'build', 'Release', 'better_sqlite3.node'));
  const prebuilds = join(workDir, 'prebuilds');
  mkdirSync(prebuilds, { recursive: true });
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  execFileSync('tar', ['-czf', join(prebuilds, name), '-C', staging, 'build']);
  writeFileSync(join(workDir, '.prebuild-installrc'), `local-prebuilds=${prebuilds}\n`);
}

/** `npm install -g --prefix PREFIX TARBALL`, as a user installs the app (into a prefix of the test's own). */
export function installGlobally(tarball: string, prefix: string): AppCommand {
  mkdirSync(prefix, { recursive: true });
  execFileSync('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', tarball], {
    cwd: prefix,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return { command: join(prefix, 'bin', 'lectern'), args: [], cwd: prefix };
}

/** Where `installGlobally` put the package itself. */
export function installedPackageDir(prefix: string): string {
  return join(prefix, 'lib', 'node_modules', 'lectern');
}
