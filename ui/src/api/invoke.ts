import { ApiError, readEnvelope, send } from './api-error';

export { ApiError };

/**
 * Calls one command of the registry: `POST /api/invoke/<command>` with a JSON payload (camelCase, as in
 * docs/api/commands.md). Resolves with `result`, throws an ApiError `{ code, message }` on failure.
 */
export async function invoke<T>(command: string, payload: object = {}): Promise<T> {
  const response = await send(`/api/invoke/${encodeURIComponent(command)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return readEnvelope<T>(response);
}
