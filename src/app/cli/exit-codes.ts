/** Documented exit codes of the `lectern` CLI (docs/operations/runbook.md#exit-codes). */
export const EXIT = {
  ok: 0,
  /** `lectern invoke`: the command answered with an error. */
  commandFailed: 1,
  usage: 2,
  /** A check found a problem (diagnose). */
  problemFound: 3,
  /** The operation was refused (the data dir is locked, the file is not ours...). */
  refused: 4,
} as const;
