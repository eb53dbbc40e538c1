import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { CommandRegistry } from '../../commands/index.js';
import type { InternalErrorFacts } from '../../kernel/internal-error-facts.js';
import { errorCodeOf } from './http-responses.js';
import { methodForLog, routePattern } from './route-pattern.js';

export type ServerLog = Pick<Logger, 'info' | 'warn' | 'error'>;

/**
 * The server's structured request log: method, route pattern, status, duration and error code; for an internal error,
 * its class and code location. Never the path as sent, a query string, a cookie or a body.
 */
export class RequestLog {
  constructor(
    private readonly log: ServerLog | undefined,
    private readonly registry: CommandRegistry,
  ) {}

  request(request: IncomingMessage, response: ServerResponse, url: URL | null, ms: number): void {
    this.log?.info(
      {
        method: methodForLog(request.method),
        route: routePattern(url?.pathname ?? ''),
        command: this.commandOf(url),
        status: response.writableFinished ? response.statusCode : null,
        ms,
        code: errorCodeOf(response),
      },
      'request',
    );
  }

  internalError(request: IncomingMessage, url: URL | null, facts: InternalErrorFacts): void {
    this.log?.error({ method: methodForLog(request.method), route: routePattern(url?.pathname ?? ''), command: this.commandOf(url), code: 'internal_error', ...facts }, 'internal error');
  }

  /** The command's name when it is one of ours (a fixed vocabulary); a name a page made up is not logged. */
  private commandOf(url: URL | null): string | undefined {
    const name = url?.pathname.startsWith('/api/invoke/') ? url.pathname.slice('/api/invoke/'.length) : undefined;
    return name !== undefined && this.registry.has(name) ? name : undefined;
  }
}
