import type { CommandPayload, CommandResult, JsonCommandName } from '../../../src/contracts/command-catalogue';
import { ApiError, readEnvelope, send } from './api-error';

export { ApiError };
export type { CommandPayload, CommandResult, JsonCommandName as CommandName };

/**
 * Calls one command of the registry: `POST /api/invoke/<command>` with a JSON payload. Typed from the command
 * catalogue (`src/contracts/command-catalogue.ts`, type-only: no schema is bundled): a renamed command or field fails
 * `npm run check`. Commands whose result is a file (support_bundle_build) have their own routes and are not callable
 * here. Resolves with the result, throws an ApiError `{ code, message }` on failure.
 */
export async function invoke<N extends JsonCommandName>(command: N, payload: CommandPayload<N>): Promise<CommandResult<N>> {
  const response = await send(`/api/invoke/${encodeURIComponent(command)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return readEnvelope<CommandResult<N>>(response);
}
