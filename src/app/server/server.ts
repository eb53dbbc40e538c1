import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createCommandRegistry, type InvokeOutcome } from '../../commands/index.js';
import { isBinaryCommand } from '../../contracts/command-catalogue.js';
import { FileResultSchema, StoredFileResultSchema } from '../../contracts/downloads.js';
import { toErrorPayload } from '../../kernel/errors.js';
import { describeInternalError, type InternalErrorFacts } from '../../kernel/internal-error-facts.js';
import type { DataStore } from '../../platform/db/data-store.js';
import { jobRegistryFor, type JobView } from '../../platform/jobs/job-registry.js';
import { UploadStaging } from '../../platform/uploads/upload-staging.js';
import { BASE_HEADERS, errorCodeOf, noteErrorCode, sendError, sendFile, sendJson, statusFor } from './http-responses.js';
import { instanceProof, LAUNCH_LINK_PATH, NONCE_PATTERN, sameProof, type LaunchLinkAnswer, type LaunchLinkRequest } from './instance-handshake.js';
import { JobEventStreams } from './job-event-streams.js';
import { readJsonBody } from './request-body.js';
import { isAllowedHost, isSameOriginWrite } from './request-guard.js';
import { methodForLog, routePattern } from './route-pattern.js';
import { LaunchSession, sessionCookie } from './session.js';
import { serveStatic } from './static-files.js';
import { sendStoredFile } from './stored-file-download.js';
import { stageUpload, uploadAudio } from './upload-routes.js';
import { answerUsedLaunchLink } from './launch-link-page.js';

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
  log?: Pick<Logger, 'info' | 'warn' | 'error'>;
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
  const staging = new UploadStaging(store.layout.root);
  /** Nonces of answered launch-link requests: a captured request cannot be replayed. */
  const usedNonces = new Set<string>();
  const jobs = jobRegistryFor(store);
  const eventStreams = new JobEventStreams(jobs);
  const logJobOutcome = (job: JobView, internal?: InternalErrorFacts) =>
    log?.[internal ? 'error' : 'info']({ kind: job.kind, status: job.status, code: job.error?.code, ...internal }, internal ? 'job internal error' : 'job settled');
  jobs.on('settled', logJobOutcome);
  let port = 0;

  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    const started = Date.now();
    const url = parseRequestUrl(request);
    const closed = new Promise<void>((resolve) => response.once('close', () => resolve()));
    const handled = handle(request, response, url).catch((error: unknown) => answerFailure(request, response, url, error));
    void Promise.all([closed, handled]).then(() => logRequest(request, response, url, Date.now() - started));
  };
  const server = createServer(onRequest);
  // Answering `Expect: 100-continue` ourselves lets a refused upload get its 413 before the client sends the body.
  server.on('checkContinue', onRequest);

  async function handle(request: IncomingMessage, response: ServerResponse, url: URL | null): Promise<void> {
    if (!isAllowedHost(request, port)) return sendError(response, 421, { code: 'host_not_allowed', message: 'This server answers to its own address only.' });
    if (url === null) return sendError(response, 404, { code: 'not_found', message: 'Nothing here.' });
    if (url.pathname === '/auth' && request.method === 'GET') return exchangeToken(request, url, response);
    if (url.pathname === LAUNCH_LINK_PATH) return answerLaunchLinkRequest(request, response);
    if (!url.pathname.startsWith('/api/')) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return sendError(response, 405, { code: 'method_not_allowed', message: 'Not here.' });
      return serveStatic(options.staticDir ?? null, url.pathname, response);
    }
    if (!session.isAuthenticated(request)) return sendError(response, 401, { code: 'session_required', message: 'Open Lectern from the link it printed at start.' });
    if (!isSameOriginWrite(request, port)) return sendError(response, 403, { code: 'cross_site_refused', message: 'Requests from other sites are refused.' });
    return routeApi(request, response, url);
  }

  function exchangeToken(request: IncomingMessage, url: URL, response: ServerResponse): void {
    const issued = session.exchange(url.searchParams.get('token') ?? '');
    if (!issued && session.isAuthenticated(request)) {
      // The link was spent by this very browser (reopened from its history): it is still signed in.
      response.writeHead(303, { ...BASE_HEADERS, Location: '/' });
      return void response.end();
    }
    if (!issued) return answerUsedLaunchLink(request, response);
    response.writeHead(303, { ...BASE_HEADERS, Location: '/', 'Set-Cookie': sessionCookie(issued) });
    response.end();
  }

  /**
   * A second `lectern start` asks for a new launch link. Browsers are refused outright (they send Origin or
   * Sec-Fetch-Site, a local program does not); the asker must prove it knows the instance secret for a nonce never
   * seen before; the answer is bound to that nonce and the link with the same secret.
   */
  async function answerLaunchLinkRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const secret = options.instanceSecret;
    if (!secret || request.method !== 'POST') return sendError(response, 404, { code: 'route_not_found', message: 'No such route.' });
    if (request.headers.origin !== undefined || request.headers['sec-fetch-site'] !== undefined) {
      return sendError(response, 403, { code: 'cross_site_refused', message: 'Requests from web pages are refused.' });
    }
    const { nonce, proof } = ((await readJsonBody(request, response)) ?? {}) as Partial<LaunchLinkRequest>;
    if (typeof nonce !== 'string' || !NONCE_PATTERN.test(nonce) || usedNonces.has(nonce) || !sameProof(proof, instanceProof(secret, 'request', nonce))) {
      return sendError(response, 403, { code: 'instance_proof_invalid', message: 'This request does not come from Lectern on this data folder.' });
    }
    usedNonces.add(nonce);
    const launchUrl = `http://127.0.0.1:${port}/auth?token=${session.issueLaunchToken()}`;
    const answer: LaunchLinkAnswer = { launchUrl, proof: instanceProof(secret, 'answer', nonce, launchUrl) };
    sendJson(response, 200, answer);
  }

  async function routeApi(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const invoke = /^\/api\/invoke\/([a-z][a-z0-9_]*)$/.exec(url.pathname);
    if (invoke && request.method === 'POST') {
      const name = invoke[1]!;
      if (isBinaryCommand(name)) return sendError(response, 404, { code: 'command_unknown', message: `${name} is a file download, not a JSON command.` });
      const outcome = await registry.invoke({ store }, name, await readJsonBody(request, response));
      return answerOutcome(request, response, url, outcome, (result) => sendJson(response, 200, { result }));
    }
    const uploads = { store, staging, maxBytes: options.uploadMaxBytes };
    if (url.pathname === '/api/upload/pack' && request.method === 'POST') {
      return sendJson(response, 200, { result: await stageUpload(uploads, request, response) });
    }
    if (url.pathname === '/api/upload/audio' && request.method === 'POST') {
      // `&stage=1` only stages the take: run_record (through the registry) imports it and makes the run in one command.
      if (url.searchParams.get('stage') === '1') return sendJson(response, 200, { result: await stageUpload(uploads, request, response) });
      const outcome = await uploadAudio(uploads, request, response, (payload) => registry.invoke({ store }, 'audio_import', payload), url.searchParams.get('profileId') ?? '');
      return answerOutcome(request, response, url, outcome, (result) => sendJson(response, 200, { result }));
    }
    const download = /^\/api\/download\/([a-z]+_[0-9a-f]{32})$/.exec(url.pathname);
    if (download && request.method === 'GET') {
      const outcome = await registry.invoke({ store }, 'artifact_download', { profileId: url.searchParams.get('profileId') ?? '', artifactId: download[1]! });
      if (!outcome.ok) return answerOutcome(request, response, url, outcome, () => {});
      return sendStoredFile(request, response, StoredFileResultSchema.parse(outcome.result));
    }
    if (url.pathname === '/api/events' && request.method === 'GET') return eventStreams.subscribe(request, response);
    if (url.pathname === '/api/support-bundle' && request.method === 'GET') {
      const outcome = await registry.invoke({ store }, 'support_bundle_build', {});
      return answerOutcome(request, response, url, outcome, (result) => sendFile(response, FileResultSchema.parse(result)));
    }
    return sendError(response, 404, { code: 'route_not_found', message: 'No such API route.' });
  }

  /**
   * Every registry call over HTTP ends here, whatever its transport: a result is sent as the route sends it; a failure
   * gets its status and `{ code, message }`, and an internal error is logged with its facts (never sent).
   */
  function answerOutcome(request: IncomingMessage, response: ServerResponse, url: URL, outcome: InvokeOutcome, sendResult: (result: unknown) => void): void {
    if (outcome.ok) return sendResult(outcome.result);
    if (outcome.internal) logInternalError(request, url, outcome.internal);
    sendError(response, statusFor(outcome.error.code), outcome.error);
  }

  /** A thrown error becomes its `{ code, message }` (internal errors logged with their cause); a gone client gets nothing. */
  function answerFailure(request: IncomingMessage, response: ServerResponse, url: URL | null, error: unknown): void {
    const payload = toErrorPayload(error);
    if (payload.code === 'internal_error') logInternalError(request, url, describeInternalError(error));
    if (response.destroyed) return noteErrorCode(response, payload.code);
    if (response.headersSent) return void response.end();
    // A refused body is not read: closing the connection spares reading (and discarding) what the client still sends.
    if (statusFor(payload.code) === 413) response.setHeader('Connection', 'close');
    sendError(response, statusFor(payload.code), payload);
  }

  function logRequest(request: IncomingMessage, response: ServerResponse, url: URL | null, ms: number): void {
    log?.info(
      {
        method: methodForLog(request.method),
        route: routePattern(url?.pathname ?? ''),
        command: commandOf(url),
        status: response.writableFinished ? response.statusCode : null,
        ms,
        code: errorCodeOf(response),
      },
      'request',
    );
  }

  function logInternalError(request: IncomingMessage, url: URL | null, facts: InternalErrorFacts): void {
    log?.error({ method: methodForLog(request.method), route: routePattern(url?.pathname ?? ''), command: commandOf(url), code: 'internal_error', ...facts }, 'internal error');
  }

  /** The command's name when it is one of ours (a fixed vocabulary); a name a page made up is not logged. */
  function commandOf(url: URL | null): string | undefined {
    const name = url?.pathname.startsWith('/api/invoke/') ? url.pathname.slice('/api/invoke/'.length) : undefined;
    return name !== undefined && registry.has(name) ? name : undefined;
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
