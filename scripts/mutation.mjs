#!/usr/bin/env node
// `npm run mutation [group...]` (Stryker options after `--`, e.g. `npm run mutation -- days --concurrency 1`): runs
// StrykerJS once per group of scripts/mutation-groups.mjs (the focused groups when none is named), then writes the
// scores and the surviving mutants into docs/benchmarks.md (section "mutation"). `--report-only` rewrites that section
// from the last reports; `--retest-survivors` reruns only the places where the group's last run left mutants alive
// (scripts/mutation-retest.mjs) and counts the ones now killed. Reports and Stryker's incremental files stay in
// reports/mutation/ (not committed). Not part of
// `npm test` or CI (see docs/decisions/0010-mutation-testing-with-stryker.md).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_GROUPS, GROUP_NAMES } from './mutation-groups.mjs';
import { writeMutationSection } from './mutation-report.mjs';
import { mergeRetest, survivorRanges } from './mutation-retest.mjs';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'reports', 'mutation');
const args = process.argv.slice(2);
// --report-only rewrites docs/benchmarks.md from the last reports (after editing scripts/mutation-survivors.mjs).
const reportOnly = args.includes('--report-only');
const named = args.filter((arg) => GROUP_NAMES.includes(arg));
const retestSurvivors = args.includes('--retest-survivors');
const strykerOptions = args.filter((arg) => !GROUP_NAMES.includes(arg) && arg !== '--report-only' && arg !== '--retest-survivors');
const groups = reportOnly ? [] : named.length > 0 ? named : DEFAULT_GROUPS;

mkdirSync(reports, { recursive: true });
let failed = false;
for (const group of groups) {
  if (retestSurvivors) {
    failed = !retestGroupSurvivors(group) || failed;
    continue;
  }
  console.log(`== mutation group "${group}"`);
  const started = Date.now();
  const result = runStryker(group, {});
  const seconds = Math.round((Date.now() - started) / 1000);
  if (result.status !== 0) {
    console.error(`Mutation group "${group}" did not finish (exit ${result.status ?? result.signal}).`);
    failed = true;
    continue;
  }
  writeFileSync(join(reports, `${group}.run.json`), `${JSON.stringify({ seconds, finishedAt: new Date().toISOString() }, null, 2)}\n`);
}

function runStryker(group, env) {
  return spawnSync(process.execPath, [join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js'), 'run', 'stryker.config.mjs', ...strykerOptions], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env, LECTERN_MUTATION_GROUP: group },
  });
}

/** Reruns the places that held the group's survivors and merges the kills into its report; false if it could not. */
function retestGroupSurvivors(group) {
  const reportFile = join(reports, `${group}.json`);
  if (!existsSync(reportFile)) {
    console.error(`Mutation group "${group}" has no report to retest: run it first.`);
    return false;
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const ranges = survivorRanges(report, root);
  if (ranges.length === 0) return true;
  console.log(`== mutation group "${group}": retesting the ${ranges.length} places that held survivors`);
  const result = runStryker(group, { LECTERN_MUTATION_RETEST_RANGES: JSON.stringify(ranges) });
  if (result.status !== 0) {
    console.error(`Retest of mutation group "${group}" did not finish (exit ${result.status ?? result.signal}).`);
    return false;
  }
  const retestedAt = new Date().toISOString();
  const retest = JSON.parse(readFileSync(join(reports, `${group}.retest.json`), 'utf8'));
  const merged = mergeRetest(report, retest, retestedAt);
  writeFileSync(reportFile, JSON.stringify(merged.report));
  const runFile = join(reports, `${group}.run.json`);
  const run = JSON.parse(readFileSync(runFile, 'utf8'));
  writeFileSync(runFile, `${JSON.stringify({ ...run, retestedAt }, null, 2)}\n`);
  console.log(`Mutation group "${group}": the retest killed ${merged.killed} of the last run's survivors.`);
  return true;
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
