import { ApiError, invoke } from './invoke';

/** The browser's IANA time zone, used for streaks and the daily quest; undefined when unknown. */
export function localTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

/** Invokes with the local time zone, and again without it if the server does not know that zone. */
export async function invokeInLocalTime<T>(command: string, payload: object): Promise<T> {
  const timeZone = localTimeZone();
  if (!timeZone) return invoke<T>(command, payload);
  try {
    return await invoke<T>(command, { ...payload, timeZone });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'time_zone_invalid') return invoke<T>(command, payload);
    throw error;
  }
}
