import type { ServerResponse } from 'node:http';
import type { ErrorPayload } from '../../kernel/errors.js';

/** Security headers on every answer; never a CORS header. */
export const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
} as const;

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

/** A command's file result as a download: its bytes, its type, and a plain name the schema has checked. */
export function sendFile(response: ServerResponse, file: { fileName: string; contentType: string; data: Uint8Array }): void {
  response.writeHead(200, {
    ...BASE_HEADERS,
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
    'Content-Length': file.data.byteLength,
  });
  response.end(file.data);
}

const errorCodes = new WeakMap<ServerResponse, string>();

/** Sends `{ error }` and remembers its code for the request's log line. */
export function sendError(response: ServerResponse, status: number, error: ErrorPayload): void {
  noteErrorCode(response, error.code);
  sendJson(response, status, { error });
}

/** Remembers the code a request ended with, even when nothing could be sent (the client had gone). */
export function noteErrorCode(response: ServerResponse, code: string): void {
  errorCodes.set(response, code);
}

export function errorCodeOf(response: ServerResponse): string | undefined {
  return errorCodes.get(response);
}

/** HTTP status for an error code: the client's fault (4xx) or ours (500); the body always carries the stable code. */
export function statusFor(code: string): number {
  if (code === 'internal_error' || code === 'result_invalid') return 500;
  if (code === 'payload_too_large' || code === 'upload_too_large') return 413;
  if (code === 'upload_aborted' || code === 'request_aborted') return 400;
  if (code.endsWith('_not_found') || code === 'command_unknown') return 404;
  if (code === 'data_dir_locked' || code === 'db_busy') return 503;
  return 422;
}
