/**
 * What the log says about a request's target: one of a fixed set of route patterns, never the path as sent. A web
 * page can make the browser send any path (15 kB of its own text, say) to Lectern; logging it would let the page
 * write to the user's disk. Ids and command names are parts of a pattern (`:artifactId`, `:command`), query strings
 * are dropped, and anything unknown is `/api/*` or `/*`.
 */
const EXACT_API_ROUTES = new Set(['/api/upload/audio', '/api/upload/pack', '/api/events', '/api/support-bundle']);

export function routePattern(pathname: string): string {
  if (pathname === '/auth') return '/auth';
  if (!pathname.startsWith('/api/')) return '/*';
  if (EXACT_API_ROUTES.has(pathname)) return pathname;
  if (pathname.startsWith('/api/invoke/')) return '/api/invoke/:command';
  if (pathname.startsWith('/api/download/')) return '/api/download/:artifactId';
  return '/api/*';
}

const LOGGED_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The method, from a fixed set (Node's parser already refuses unknown ones; this keeps the log's vocabulary closed). */
export function methodForLog(method: string | undefined): string {
  return method !== undefined && LOGGED_METHODS.has(method) ? method : 'OTHER';
}
