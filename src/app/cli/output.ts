import { toErrorPayload } from '../../kernel/errors.js';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Errors reach the terminal as `{ "error": { code, message } }`: the same shape every door uses. */
export function printError(error: unknown): void {
  printJson({ error: toErrorPayload(error) });
}

/** The one-line form of an error for a person at a terminal. */
export function describeFailure(error: unknown): string {
  const { code, message } = toErrorPayload(error);
  return `Problem (${code}): ${message}`;
}

/** Prints an error the way the caller asked (JSON for scripts, a sentence on stderr for people) and returns `exitCode`. */
export function reportFailure(error: unknown, json: boolean | undefined, exitCode: number): number {
  if (json) printError(error);
  else process.stderr.write(`${describeFailure(error)}\n`);
  return exitCode;
}
