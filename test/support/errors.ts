import assert from 'node:assert/strict';
import { AppError } from '../../src/kernel/errors.js';

/** Asserts that `work` throws an AppError with `code` and returns it for further checks. */
export function assertThrowsCode(work: () => unknown, code: string): AppError {
  let thrown: unknown;
  try {
    work();
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof AppError, `expected AppError ${code}, got ${thrown === undefined ? 'no error' : String(thrown)}`);
  assert.equal(thrown.code, code, `expected code ${code}, got ${thrown.code}: ${thrown.message}`);
  return thrown;
}

/**
 * Like assertThrowsCode, and the message is one sentence that carries no path or file-entry name (no slash or
 * backslash can appear in it): what clients may see of a refused file.
 */
export function assertThrowsSafeCode(work: () => unknown, code: string): AppError {
  const thrown = assertThrowsCode(work, code);
  assert.match(thrown.message, /^[A-Z].*\.$/, 'the message is one sentence');
  assert.doesNotMatch(thrown.message, /[/\\]/, 'the message carries no path or entry name');
  return thrown;
}
