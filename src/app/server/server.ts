import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCommandRegistry } from '../../commands/index.js';
import { toErrorPayload } from '../../kernel/errors.js';
import { describeInternalError, type InternalErrorFacts } from '../../kernel/internal-error-facts.js';
import type { DataStore } from '../../platform/db/data-store.js';
import { jobRegistryFor, type JobView } from '../../platform/jobs/job-registry.js';
import { UploadStaging } from '../../platform/uploads/upload-staging.js';
import { ApiRoutes } from './api-routes.js';
import { noteErrorCode, sendError, statusFor } from './http-responses.js';
import { LAUNCH_LINK_PATH } from './instance-handshake.js';
import { JobEventStreams } from './job-event-streams.js';
import { exchangeLaunchToken, LaunchLinkIssuer } from './launch-link-routes.js';
import { isAllowedHost, isSameOriginWrite } from './request-guard.js';
import { RequestLog, type ServerLog } from './request-log.js';
import { LaunchSession } from './session.js';
import { serveStatic } from './static-files.js';

export { JSON_BODY_MAX_BYTES } from './request-body.js';

export interface LecternServerOptions {
  store: DataStore;
  /** 0 picks a free port. */
  port?: number;
  /** The built UI (ui/dist); null serves the API only. */
  staticDir?: string | null;
  /** Largest upload accepted (default 300 MiB, the pack limit). */
  uploadMaxBytes?: number;
  /**
   * The per-run secret of the instance file: with it, the running server hands a second `lectern start` a new launch
   * link (`instance-handshake.ts`). Without it, that route does not exist.
   */
  instanceSecret?: Buffer;
  /**
   * Structured request log: method, route pattern, status, duration and error code; for an internal error, its class
   * and code location. Never the path as sent, a query string, a cookie or a body.
   */
  log?: ServerLog;
}

export interface RunningServer {
  server: Server;
  port: number;
  origin: string;
  /** The one-time launch URL: opening it exchanges the token for the session cookie. */
  launchUrl: string;
  /** Stops accepting, lets requests in flight finish, cancels running jobs (they save nothing), then resolves. */
  close(): Promise<void>;
}

/**
 * Lectern's loopback HTTP server: binds 127.0.0.1 only; every /api request needs the session cookie obtained with the
 * launch token; Host, Origin and Sec-Fetch-Site are checked (DNS rebinding, CSRF); commands go through the one
 * registry; uploads stream to staging with a size cap; downloads and static files never leave their folders.
 */
export async function startServer(options: LecternServerOptions): Promise<RunningServer> {
  const { store, log } = options;
  const session = new LaunchSession();
  const registry = createCommandRegistry();
  const requestLog = new RequestLog(log, registry);
  const launchLinks = new LaunchLinkIssuer(session, options.instanceSecret);
  const jobs = jobRegistryFor(store);
  const eventStreams = new JobEventStreams(jobs);
  const staging = new UploadStaging(store.layout.root);
  const api = new ApiRoutes({ store, registry, staging, eventStreams, requestLog, uploadMaxBytes: options.uploadMaxBytes });
  const logJobOutcome = (job: JobView, internal?: InternalErrorFacts) =>
    log?.[internal ? 'error' : 'info']({ kind: job.kind, status: job.status, code: job.error?.code, ...internal }, internal ? 'job internal error' : 'job settled');
  jobs.on('settled', logJobOutcome);
  let port = 0;

  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    const started = Date.now();
    const url = parseRequestUrl(request);
    const closed = new Promise<void>((resolve) => response.once('close', () => resolve()));
    const handled = handle(request, response, url).catch((error: unknown) => answerFailure(request, response, url, error));
    void Promise.all([closed, handled]).then(() => requestLog.request(request, response, url, Date.now() - started));
  };
  const server = createServer(onRequest);
  // Answering `Expect: 100-continue` ourselves lets a refused upload get its 413 before the client sends the body.
  server.on('checkContinue', onRequest);

  async function handle(request: IncomingMessage, response: ServerResponse, url: URL | null): Promise<void> {
    if (!isAllowedHost(request, port)) return sendError(response, 421, { code: 'host_not_allowed', message: 'This server answers to its own address only.' });
    if (url === null) return sendError(response, 404, { code: 'not_found', message: 'Nothing here.' });
    if (url.pathname === '/auth' && request.method === 'GET') return exchangeLaunchToken(session, request, url, response);
    if (url.pathname === LAUNCH_LINK_PATH) return launchLinks.answer(request, response, port);
    if (!url.pathname.startsWith('/api/')) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return sendError(response, 405, { code: 'method_not_allowed', message: 'Not here.' });
      return serveStatic(options.staticDir ?? null, url.pathname, response);
    }
    if (!session.isAuthenticated(request)) return sendError(response, 401, { code: 'session_required', message: 'Open Lectern from the link it printed at start.' });
    if (!isSameOriginWrite(request, port)) return sendError(response, 403, { code: 'cross_site_refused', message: 'Requests from other sites are refused.' });
    return api.route(request, response, url);
  }

  /** A thrown error becomes its `{ code, message }` (internal errors logged with their cause); a gone client gets nothing. */
  function answerFailure(request: IncomingMessage, response: ServerResponse, url: URL | null, error: unknown): void {
    const payload = toErrorPayload(error);
    if (payload.code === 'internal_error') requestLog.internalError(request, url, describeInternalError(error));
    if (response.destroyed) return noteErrorCode(response, payload.code);
    if (response.headersSent) return void response.end();
    // A refused body is not read: closing the connection spares reading (and discarding) what the client still sends.
    if (statusFor(payload.code) === 413) response.setHeader('Connection', 'close');
    sendError(response, statusFor(payload.code), payload);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    server,
    port,
    origin,
    launchUrl: `${origin}/auth?token=${session.token}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      eventStreams.close();
      await jobs.cancelAll();
      jobs.off('settled', logJobOutcome);
      server.closeAllConnections();
      await closed;
    },
  };
}

/** The request's URL, or null when it cannot be parsed (it is then answered 404, never an internal error). */
function parseRequestUrl(request: IncomingMessage): URL | null {
  try {
    return new URL(request.url ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}
