import { profileDbDiagnostics } from './diagnostics.js';
import { CommandRegistry, type Command } from './registry.js';

export type { CommandContext, InvokeOutcome } from './registry.js';
export { CommandRegistry } from './registry.js';

/** Every command Lectern exposes, in one list: the HTTP server, the CLI and tests all use this registry. */
export const ALL_COMMANDS: readonly Command[] = [profileDbDiagnostics];

export function createCommandRegistry(): CommandRegistry {
  return new CommandRegistry(ALL_COMMANDS);
}
