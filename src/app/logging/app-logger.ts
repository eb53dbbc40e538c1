import { pino, type Logger } from 'pino';
import { DataLayout } from '../../platform/db/layout.js';
import { ensurePrivateDir } from '../../platform/fs/private-permissions.js';
import { RotatingLogFile, type RotatingLogFileOptions } from '../../platform/logs/rotating-log-file.js';

/**
 * Structured logs (JSON lines) in `<dataDir>/logs/lectern.log`, 0600, rotated by size with a bounded number of files
 * (`platform/logs/rotating-log-file.ts`; docs/decisions/0009-bounded-logs.md says why not a pino transport). Never a
 * path as a page sent it, a query string (launch tokens), a cookie, a body, a path of the user's files or row content:
 * callers log methods, route patterns, statuses, codes, error classes, code locations and timings.
 */
export function createAppLogger(dataDir: string, limits: Pick<RotatingLogFileOptions, 'maxFileBytes' | 'generations'> = {}): Logger {
  const layout = new DataLayout(dataDir);
  ensurePrivateDir(layout.logsDir);
  const destination = new RotatingLogFile({ pathOf: (generation) => layout.logFile(generation), ...limits });
  return pino(
    {
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'token', 'cookie'], censor: '[redacted]' },
    },
    destination,
  );
}
