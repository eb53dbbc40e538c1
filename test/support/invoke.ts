import assert from 'node:assert/strict';
import { createCommandRegistry } from '../../src/commands/index.js';
import type { DataStore } from '../../src/platform/db/data-store.js';

const registry = createCommandRegistry();

/** Invokes a command in-process and returns its result, failing the test on an error outcome. */
export async function invokeOk<T = Record<string, unknown>>(store: DataStore, name: string, payload: unknown): Promise<T> {
  const outcome = await registry.invoke({ store }, name, payload);
  if (!outcome.ok) assert.fail(`${name} failed: ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.result as T;
}

/** Invokes a command in-process and returns the error code it answered with, failing the test on success. */
export async function invokeErrorCode(store: DataStore, name: string, payload: unknown): Promise<string> {
  const outcome = await registry.invoke({ store }, name, payload);
  if (outcome.ok) assert.fail(`${name} unexpectedly succeeded`);
  return outcome.error.code;
}
