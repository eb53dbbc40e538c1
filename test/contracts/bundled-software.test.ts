import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BUNDLED_SOFTWARE, DEPENDENCY_LICENCES } from '../../src/contracts/bundled-software.js';
import { REPO_ROOT } from '../support/cli.js';

interface PackageJson {
  license?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function packageJson(name: string): PackageJson | null {
  const file = join(REPO_ROOT, 'node_modules', name, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PackageJson) : null;
}

const root = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;

/** The installed packages an npmPackage names: itself, or for `prefix-*` the platform packages that are installed. */
function installedPackagesOf(npmPackage: string): string[] {
  if (!npmPackage.endsWith('*')) return [npmPackage];
  const prefix = npmPackage.slice(0, -1);
  return Object.keys(root.optionalDependencies ?? {}).filter((name) => name.startsWith(prefix) && packageJson(name) !== null);
}

test('the About page lists every production dependency with the licence its installed package declares', { timeout: 10_000 }, () => {
  const listed = BUNDLED_SOFTWARE.flatMap((component) => (component.npmPackage ? [component.npmPackage] : []));
  for (const dependency of Object.keys(root.dependencies ?? {})) assert.ok(listed.includes(dependency), `${dependency} is not listed`);
  for (const component of BUNDLED_SOFTWARE) {
    if (!component.npmPackage) continue;
    const installed = installedPackagesOf(component.npmPackage);
    assert.ok(installed.length > 0, `${component.npmPackage} is not installed`);
    for (const name of installed) assert.equal(packageJson(name)?.license, component.licence, name);
  }
});

test('every library the listed packages pull in is under one of the licences the About page names', { timeout: 10_000 }, () => {
  const seen = new Set<string>();
  const licences = new Map<string, string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const manifest = packageJson(name);
    if (!manifest) return; // an optional package of another platform
    licences.set(name, manifest.license ?? 'none');
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) visit(dependency);
  };
  for (const component of BUNDLED_SOFTWARE) if (component.npmPackage) installedPackagesOf(component.npmPackage).forEach(visit);
  const unnamed = [...licences].filter(([, licence]) => !DEPENDENCY_LICENCES.includes(licence));
  assert.deepEqual(unnamed, []);
  assert.ok(licences.size > BUNDLED_SOFTWARE.length, 'the walk reached the dependencies of the listed packages');
});
