import type { IncomingMessage } from 'node:http';

/**
 * The loopback server's defences against a web page in the user's own browser (anchors §5):
 * - DNS rebinding: the Host header must name this server exactly (127.0.0.1:<port> or localhost:<port>), else 421;
 * - CSRF: a state-changing request must come from this origin (Origin header equal to ours) and, when the browser says,
 *   `Sec-Fetch-Site: same-origin`, else 403;
 * - no CORS headers are ever sent, so other origins cannot read answers.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function isAllowedHost(request: IncomingMessage, port: number): boolean {
  return allowedHosts(port).has(String(request.headers.host ?? '').toLowerCase());
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isSameOriginWrite(request: IncomingMessage, port: number): boolean {
  if (!STATE_CHANGING.has(request.method ?? 'GET')) return true;
  const origin = String(request.headers.origin ?? '');
  if (!allowedHosts(port).has(origin.replace(/^http:\/\//, '')) || !origin.startsWith('http://')) return false;
  const site = request.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin';
}
