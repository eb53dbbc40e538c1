import assert from 'node:assert/strict';
import { createCommandRegistry } from '../../src/commands/index.js';
import type { CommandName, CommandPayload, CommandResult } from '../../src/contracts/command-catalogue.js';
import type { DataStore } from '../../src/platform/db/data-store.js';

const registry = createCommandRegistry();

/**
 * Invokes a command in-process and returns its result, failing the test on an error outcome. Typed from the command
 * catalogue: a renamed command or field fails the type check of the tests that use it.
 */
export async function invokeOk<N extends CommandName>(store: DataStore, name: N, payload: CommandPayload<N>): Promise<CommandResult<N>> {
  const outcome = await registry.invoke({ store }, name, payload);
  if (!outcome.ok) assert.fail(`${name} failed: ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.result as CommandResult<N>;
}

/**
 * Invokes a command in-process and returns the error code it answered with, failing the test on success. The payload
 * is deliberately untyped: these calls send what a careless or hostile client would.
 */
export async function invokeErrorCode(store: DataStore, name: CommandName, payload: unknown): Promise<string> {
  const outcome = await registry.invoke({ store }, name, payload);
  if (outcome.ok) assert.fail(`${name} unexpectedly succeeded`);
  return outcome.error.code;
}
