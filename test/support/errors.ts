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
