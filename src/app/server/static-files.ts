import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, relative, isAbsolute } from 'node:path';
import { BASE_HEADERS, sendError } from './http-responses.js';

/** The UI is the only thing this page may load: its own scripts, styles, images and media, nothing else. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built UI from `root`. The request path is resolved (links followed) and must stay inside it, so
 * `/../../etc/passwd` and encoded variants get 404; unknown paths fall back to index.html for the single-page app.
 */
export function serveStatic(root: string | null, urlPath: string, response: ServerResponse): void {
  if (!root || !existsSync(join(root, 'index.html'))) {
    sendError(response, 404, { code: 'ui_not_built', message: 'The web UI is not built in this checkout.' });
    return;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    sendError(response, 404, { code: 'not_found', message: 'Nothing here.' });
    return;
  }
  const base = realpathSync(root);
  const candidate = join(base, decoded);
  const inside = relative(base, existsSync(candidate) ? realpathSync(candidate) : candidate);
  if (decoded.includes('\0') || inside.startsWith('..') || isAbsolute(inside)) {
    sendError(response, 404, { code: 'not_found', message: 'Nothing here.' });
    return;
  }
  const file = existsSync(candidate) && statSync(candidate).isFile() ? candidate : join(base, 'index.html');
  const body = readFileSync(file);
  response.writeHead(200, {
    ...BASE_HEADERS,
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Content-Length': body.length,
  });
  response.end(body);
}
