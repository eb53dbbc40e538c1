// Why each mutant that survives `npm run mutation` is left alive. A survivor not listed here shows as "unexplained" in
// docs/benchmarks.md: kill it with a test that a user would care about, or add it here with the reason.
// Matched on file, mutator, the original text and the replacement (line numbers move as code changes); a note without
// `from` and `to` covers every mutant of that mutator in the file, and must say why that holds for each of them.

export const SURVIVOR_NOTES = [
  {
    file: 'src/core/coach/local-day.ts',
    mutator: 'ConditionalExpression',
    from: "typeof at === 'string'",
    to: 'true',
    verdict: 'equivalent',
    why: '`new Date(date)` copies a Date, so parsing every argument gives the same day.',
  },
];
