import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../../kernel/errors.js';

/** JSON bodies larger than this are refused (413) before they are parsed. */
export const JSON_BODY_MAX_BYTES = 1024 * 1024;

/**
 * A body declared larger than the cap is refused from its headers alone (413), before a byte of it is read or written,
 * and before a client that sent `Expect: 100-continue` is told to go on.
 */
export function refuseDeclaredOversize(request: IncomingMessage, maxBytes: number, refusal: () => AppError): void {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (Number.isFinite(declared) && declared > maxBytes) throw refusal();
}

/**
 * The server answers `Expect: 100-continue` itself (server.ts listens to `checkContinue`), so that a refused request
 * is answered before its body is sent; a request that is going to be read gets its `100 Continue` here.
 */
export function readyForBody(request: IncomingMessage, response: ServerResponse): void {
  if (String(request.headers.expect ?? '').toLowerCase() === '100-continue' && !response.headersSent) response.writeContinue();
}

/**
 * A body cut short because the client went away (a closed tab, a cancelled upload) is not Lectern's failure: it gets
 * its own code, so the log tells it apart from an internal error.
 */
export function whenClientLeft(request: IncomingMessage, error: unknown, left: () => AppError): unknown {
  if (error instanceof AppError) return error;
  return request.complete ? error : left();
}

export const requestAborted = () => new AppError('request_aborted', 'The client went away before sending the whole request; nothing was done.');

/** Reads a JSON body, refusing more than 1 MiB (413) and anything that is not JSON (invalid_payload). */
export async function readJsonBody(request: IncomingMessage, response: ServerResponse): Promise<unknown> {
  const tooLarge = () => new AppError('payload_too_large', 'The request body is larger than 1 MiB.');
  refuseDeclaredOversize(request, JSON_BODY_MAX_BYTES, tooLarge);
  readyForBody(request, response);
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of request as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > JSON_BODY_MAX_BYTES) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (error) {
    throw whenClientLeft(request, error, requestAborted);
  }
  if (bytes === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new AppError('invalid_payload', 'The request body is not valid JSON.');
  }
}
