import type { Page } from '@playwright/test';
import type { CommandPayload, CommandResult, JsonCommandName } from '../../src/contracts/command-catalogue.js';
import type { RunningApp } from './lectern-app.js';

/** A payload may be left out only when the command takes none (or only optional fields). */
type PayloadArgument<N extends JsonCommandName> = Record<never, never> extends CommandPayload<N> ? [payload?: CommandPayload<N>] : [payload: CommandPayload<N>];

/**
 * A command called the way the page calls it: the page's session cookie, and our own Origin (the CSRF check). Typed
 * from the command catalogue, like the UI's `invoke`: a renamed command or field fails `npm run check` here too.
 */
export async function invokeAs<N extends JsonCommandName>(page: Page, app: RunningApp, command: N, ...[payload]: PayloadArgument<N>): Promise<CommandResult<N>> {
  const response = await page.request.post(`${app.origin}/api/invoke/${command}`, { headers: { Origin: app.origin }, data: payload ?? {} });
  const body = (await response.json()) as { result?: CommandResult<N>; error?: { code: string } };
  if (!body.result) throw new Error(`${command} failed: ${JSON.stringify(body.error)}`);
  return body.result;
}
