import { ApiError, invoke, type CommandName, type CommandPayload, type CommandResult } from './invoke';

/** The commands that take the speaker's time zone (streaks, the daily quest). */
type ZonedCommand = { [N in CommandName]: CommandPayload<N> extends { timeZone?: string } ? N : never }[CommandName];

/** The browser's IANA time zone, used for streaks and the daily quest; undefined when unknown. */
export function localTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

/** Invokes with the local time zone, and again without it if the server does not know that zone. */
export async function invokeInLocalTime<N extends ZonedCommand>(command: N, payload: CommandPayload<N>): Promise<CommandResult<N>> {
  const timeZone = localTimeZone();
  if (!timeZone) return invoke(command, payload);
  try {
    return await invoke(command, { ...payload, timeZone });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'time_zone_invalid') return invoke(command, payload);
    throw error;
  }
}
