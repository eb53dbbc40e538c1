// Which code each mutation run mutates and which test files may kill its mutants (see stryker.config.mjs).
// A group's tests are the files that exercise its code in this process; tests that reach it only through a child
// process (the CLI, the packaged app) or a browser are left out: Stryker cannot see coverage there.

/** The word lists of the analyzer are data: a mutant that empties one word is not a test's business. */
const ANALYZER_DATA = ['!src/core/feedback/analyzer/stopwords.ts', '!src/core/feedback/analyzer/filler-lexicon.ts'];

const GROUPS = {
  /** Local days, streaks and the daily quest: calendar rules a user sees every day. */
  days: {
    mutate: ['src/kernel/local-day.ts', 'src/core/quest/daily-quest.ts'],
    tests: ['test/core/local-day.test.ts', 'test/core/daily-quest.test.ts', 'test/core/coach.test.ts', 'test/core/quest.test.ts'],
  },
  /** The feedback analyzer: fillers, pace, pauses, scores, top actions. */
  analyzer: {
    mutate: ['src/core/feedback/analyzer/**/*.ts', 'src/contracts/action-catalogue.ts', ...ANALYZER_DATA],
    tests: ['test/core/feedback/*.test.ts', 'test/core/feedback-service.test.ts'],
  },
  /** Migrations: reading the migration state and applying steps atomically. */
  migrations: {
    mutate: ['src/platform/db/migration-state.ts', 'src/platform/db/migrator.ts', 'src/platform/db/migration-steps.ts'],
    tests: ['test/platform/db/migration-state.test.ts', 'test/platform/db/migrator.test.ts', 'test/platform/db/profile-schema.test.ts', 'test/platform/db/diagnostics-states.test.ts'],
  },
  /** When a snapshot is due, which ones are kept, what a name says: the snapshot rules, tested on their own first. */
  'snapshot-rules': {
    mutate: ['src/platform/db/snapshots/snapshot-{policy,retention,name}.ts'],
    tests: ['test/platform/db/snapshot-rules.test.ts', 'test/platform/db/snapshots.test.ts'],
  },
  /** All of the snapshot code (taking, verifying, listing, the worker): about 30 s a mutant here, hours in all. */
  snapshots: {
    mutate: ['src/platform/db/snapshots/*.ts'],
    tests: ['test/platform/db/snapshots.test.ts', 'test/platform/db/recovery.test.ts', 'test/platform/db/diagnostics.test.ts'],
  },
  /** Recovery: opening a damaged database, quarantine, restoring a snapshot, operator actions (hours in all). */
  recovery: {
    mutate: ['src/platform/db/recovery/*.ts'],
    tests: ['test/platform/db/recovery.test.ts', 'test/platform/db/diagnostics.test.ts', 'test/platform/db/diagnostics-states.test.ts'],
  },
  /**
   * The UI's pure modules and their unit tests (test/ui): checks that each of those tests fails when its line breaks.
   * The UI imports without file extensions (Vite's resolution), so these run under tsx rather than compiled.
   */
  ui: {
    mutate: [
      'ui/src/talks/talk-draft.ts',
      'ui/src/progress/chart-geometry.ts',
      'ui/src/recording/{downsample,level,wav}.ts',
      'ui/public/recorder-worklet.js',
      'ui/src/api/job-watcher.ts',
      'ui/src/record/{subject,engine-choice,transcript-text,transcript-origin}.ts',
      'ui/src/util/{format,plain-text}.ts',
    ],
    tests: ['test/ui/*.test.ts'],
    compiled: false,
  },
  /** Everything the issue names (src/core and src/platform/db): hours on two cores; run it with incremental reuse. */
  all: {
    mutate: ['src/core/**/*.ts', 'src/platform/db/**/*.ts', ...ANALYZER_DATA],
    tests: ['test/core/**/*.test.ts', 'test/platform/db/*.test.ts', 'test/commands/*.test.ts'],
  },
};

/** The focused groups `npm run mutation` runs when no group is named. */
export const DEFAULT_GROUPS = ['days', 'analyzer', 'migrations', 'snapshot-rules'];

export function mutationGroup(name) {
  const group = GROUPS[name];
  if (!group) throw new Error(`Unknown mutation group "${name}": one of ${Object.keys(GROUPS).join(', ')}.`);
  return { name, ...group };
}

export const GROUP_NAMES = Object.keys(GROUPS);
