#!/usr/bin/env node
// `npm run mutation [group...]` (Stryker options after `--`, e.g. `npm run mutation -- days --concurrency 1`): runs
// StrykerJS once per group of scripts/mutation-groups.mjs (the focused groups when none is named), then writes the
// scores and the surviving mutants into docs/benchmarks.md (section "mutation"). `--report-only` rewrites that section
// from the last reports. Reports and Stryker's incremental files stay in reports/mutation/ (not committed). Not part of
// `npm test` or CI (see docs/decisions/0010-mutation-testing-with-stryker.md).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_GROUPS, GROUP_NAMES } from './mutation-groups.mjs';
import { writeMutationSection } from './mutation-report.mjs';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'reports', 'mutation');
const args = process.argv.slice(2);
// --report-only rewrites docs/benchmarks.md from the last reports (after editing scripts/mutation-survivors.mjs).
const reportOnly = args.includes('--report-only');
const named = args.filter((arg) => GROUP_NAMES.includes(arg));
const strykerOptions = args.filter((arg) => !GROUP_NAMES.includes(arg) && arg !== '--report-only');
const groups = reportOnly ? [] : named.length > 0 ? named : DEFAULT_GROUPS;

mkdirSync(reports, { recursive: true });
let failed = false;
for (const group of groups) {
  console.log(`== mutation group "${group}"`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js'), 'run', 'stryker.config.mjs', ...strykerOptions], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, LECTERN_MUTATION_GROUP: group },
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (result.status !== 0) {
    console.error(`Mutation group "${group}" did not finish (exit ${result.status ?? result.signal}).`);
    failed = true;
    continue;
  }
  writeFileSync(join(reports, `${group}.run.json`), `${JSON.stringify({ seconds, finishedAt: new Date().toISOString() }, null, 2)}\n`);
}

const finished = GROUP_NAMES.filter((group) => existsSync(join(reports, `${group}.json`)) && existsSync(join(reports, `${group}.run.json`)));
const summary = writeMutationSection(
  finished.map((group) => ({
    group,
    report: JSON.parse(readFileSync(join(reports, `${group}.json`), 'utf8')),
    run: JSON.parse(readFileSync(join(reports, `${group}.run.json`), 'utf8')),
  })),
);
console.log(summary);
process.exit(failed ? 1 : 0);
