import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { byteRangeOf } from './byte-range.js';
import { BASE_HEADERS, sendError } from './http-responses.js';

/** Types the browser plays or shows itself; anything else is a plain download. */
const CONTENT_TYPES: Record<string, string> = { wav: 'audio/wav', json: 'application/json', zip: 'application/zip' };

/**
 * `GET /api/download/:artifactId`: the stored file streamed from disk, whole (200) or the one byte range asked for
 * (206 with Content-Range), so the audio element can seek ("Play from 0:17", the scrub bar) without fetching the
 * recording again from its start. A range past the end or malformed is 416 with `Content-Range: bytes *\/size`.
 */
export async function sendStoredFile(request: IncomingMessage, response: ServerResponse, file: { fileName: string; path: string; bytes: number }): Promise<void> {
  const range = byteRangeOf(request.headers.range, file.bytes);
  const headers = {
    ...BASE_HEADERS,
    'Content-Type': CONTENT_TYPES[file.fileName.split('.').pop() ?? ''] ?? 'application/octet-stream',
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
    'Accept-Ranges': 'bytes',
  };
  if (range.kind === 'unsatisfiable') {
    response.setHeader('Content-Range', `bytes */${file.bytes}`);
    return sendError(response, 416, { code: 'range_not_satisfiable', message: 'The byte range asked for is outside the file or malformed.' });
  }
  if (range.kind === 'whole') {
    response.writeHead(200, { ...headers, 'Content-Length': file.bytes });
    if (file.bytes === 0) return void response.end();
    return streamFile(response, file.path, 0, file.bytes - 1);
  }
  response.writeHead(206, { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${file.bytes}`, 'Content-Length': range.end - range.start + 1 });
  return streamFile(response, file.path, range.start, range.end);
}

/** A player that seeks closes its earlier request mid-file: that is not a failure, only a gone reader. */
async function streamFile(response: ServerResponse, path: string, start: number, end: number): Promise<void> {
  try {
    await pipeline(createReadStream(path, { start, end }), response);
  } catch (error) {
    if (!response.destroyed) throw error;
  }
}
