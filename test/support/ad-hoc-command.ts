import type { z } from 'zod';
import type { Command, CommandContext } from '../../src/commands/registry.js';

/**
 * A command outside the catalogue, for tests of the registry itself (a broken result contract, a handler that
 * throws): the app's own commands can only be defined from the catalogue.
 */
export function adHocCommand<P extends z.ZodType, R extends z.ZodType>(command: {
  name: string;
  payload: P;
  result: R;
  handler: (context: CommandContext, payload: z.output<P>) => z.input<R> | Promise<z.input<R>>;
}): Command<P, R> {
  return command;
}
