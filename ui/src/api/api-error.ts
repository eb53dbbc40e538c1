import { sessionEnded } from './session-ended';

/** A failed call, as the server describes it: a stable code and a human message. */
export class ApiError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

interface Envelope<T> {
  result?: T;
  error?: { code?: unknown; message?: unknown };
}

/** Reads `{ result }` or `{ error: { code, message } }`; anything else becomes an ApiError too. */
export async function readEnvelope<T>(response: Response): Promise<T> {
  let body: Envelope<T> | null = null;
  try {
    body = (await response.json()) as Envelope<T>;
  } catch {
    body = null;
  }
  if (body?.error) {
    const code = typeof body.error.code === 'string' ? body.error.code : `http_${response.status}`;
    if (code === 'session_required') sessionEnded.value = true;
    const message = typeof body.error.message === 'string' ? body.error.message : response.statusText;
    throw new ApiError(code, message);
  }
  if (!response.ok || !body || !('result' in body)) {
    throw new ApiError(`http_${response.status}`, response.statusText || 'Unexpected answer from Lectern.');
  }
  return body.result as T;
}

/** fetch that turns a network failure into an ApiError (`network_error`). */
export async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError('network_error', 'Lectern could not be reached. Is it still running?');
  }
}
