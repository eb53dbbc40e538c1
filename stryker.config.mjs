// StrykerJS over Lectern's core and data layer (docs/decisions/0010-mutation-testing-with-stryker.md).
// Run it through `npm run mutation [group...]` (scripts/mutation.mjs), which picks the group: the files to mutate and
// the test files that may kill their mutants. Not part of `npm test` or CI: it takes tens of minutes.
import { mutationGroup } from './scripts/mutation-groups.mjs';

const group = mutationGroup(process.env.LECTERN_MUTATION_GROUP ?? 'days');

export default {
  // Node's own test runner prints TAP; the tap runner runs each test file in its own process and records which
  // mutants each file reaches, so a mutant only reruns the files that reach it ("perTest" at file level).
  testRunner: 'tap',
  plugins: ['@stryker-mutator/tap-runner'],
  // The sandbox is compiled to JavaScript once (scripts/compile-for-mutation.mjs), so the test processes run the .js;
  // a group that cannot be compiled file by file (the UI's extension-less imports) runs under tsx.
  ...(group.compiled === false
    ? { tap: { testFiles: group.tests, nodeArgs: ['--import', 'tsx', '--test-reporter=tap'], forceBail: true } }
    : {
        buildCommand: 'node scripts/compile-for-mutation.mjs',
        tap: { testFiles: group.tests.map((file) => file.replace(/\.ts$/, '.js')), nodeArgs: ['--test-reporter=tap'], forceBail: true },
      }),
  coverageAnalysis: 'perTest',
  mutate: group.mutate,
  // Two cores: one test process per core. Override with --concurrency.
  concurrency: 2,
  // A second run retests only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: `reports/mutation/${group.name}.incremental.json`,
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${group.name}.json` },
  htmlReporter: { fileName: `reports/mutation/${group.name}.html` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // Only what the tests read is copied into the sandbox.
  ignorePatterns: ['/ui/dist', '/e2e', '/bench', '/dist', '/reports', '/test-output', '/playwright-report', '/.lectern-data', '/coverage'],
  // Tests open real SQLite files and sometimes wait on a worker: leave them room before calling a mutant a timeout.
  timeoutMS: 15_000,
  timeoutFactor: 2,
  thresholds: { high: 85, low: 70, break: null },
};
