import assert from 'node:assert/strict';
import { AppError } from '../../../src/kernel/errors.js';

/**
 * Asserts that `work` throws an AppError with `code`, and that its message is one sentence that carries no path
 * (no slash or backslash can appear in it).
 */
export function assertAudioError(work: () => unknown, code: string): AppError {
  let thrown: unknown;
  try {
    work();
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof AppError, `expected AppError ${code}, got ${thrown === undefined ? 'no error' : String(thrown)}`);
  assert.equal(thrown.code, code, `expected ${code}, got ${thrown.code}: ${thrown.message}`);
  assert.match(thrown.message, /^[A-Z].*\.$/, 'the message is one sentence');
  assert.doesNotMatch(thrown.message, /[/\\]/, 'the message carries no path');
  return thrown;
}
