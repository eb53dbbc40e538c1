import { pino, type Logger } from 'pino';
import { join } from 'node:path';
import { ensurePrivateDir, makeFilePrivate } from '../../platform/fs/private-permissions.js';

/**
 * Structured logs (JSON lines) in `<dataDir>/logs/lectern.log`, 0600. Never a query string (launch tokens), a cookie,
 * a body, a path of the user's files or row content: callers log methods, route shapes, statuses, codes and timings.
 */
export function createAppLogger(dataDir: string): Logger {
  const dir = join(dataDir, 'logs');
  ensurePrivateDir(dir);
  const file = join(dir, 'lectern.log');
  const destination = pino.destination({ dest: file, sync: true, mkdir: false });
  makeFilePrivate(file);
  return pino(
    {
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'token', 'cookie'], censor: '[redacted]' },
    },
    destination,
  );
}

/** The route without its query string and with ids replaced: safe to log. */
export function routeShape(url: string): string {
  return url.split('?')[0]!.replace(/[a-z]+_[0-9a-f]{32}/g, ':id');
}
