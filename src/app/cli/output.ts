import { toErrorPayload } from '../../kernel/errors.js';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Errors reach the terminal as `{ "error": { code, message } }`: the same shape every door uses. */
export function printError(error: unknown): void {
  printJson({ error: toErrorPayload(error) });
}
