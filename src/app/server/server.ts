import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { routeShape } from '../logging/app-logger.js';
import type { AddressInfo } from 'node:net';
import { createCommandRegistry } from '../../commands/index.js';
import { importAudio } from '../../core/audio/index.js';
import { buildSupportBundle } from '../../core/health/index.js';
import { readArtifactForDownload } from '../../core/workspace/index.js';
import { AppError, toErrorPayload } from '../../kernel/errors.js';
import type { DataStore } from '../../platform/db/data-store.js';
import { jobRegistryFor, type JobView } from '../../platform/jobs/job-registry.js';
import { UploadStaging } from '../../platform/uploads/upload-staging.js';
import { BASE_HEADERS, sendError, sendJson, statusFor } from './http-responses.js';
import { instanceProof, LAUNCH_LINK_PATH, NONCE_PATTERN, sameProof, type LaunchLinkAnswer, type LaunchLinkRequest } from './instance-handshake.js';
import { isAllowedHost, isSameOriginWrite } from './request-guard.js';
import { LaunchSession, sessionCookie } from './session.js';
import { serveStatic } from './static-files.js';

/** JSON bodies larger than this are refused (413) before they are parsed. */
export const JSON_BODY_MAX_BYTES = 1024 * 1024;

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
  /** Structured request log (method, route shape, status, ms); never query strings, cookies or bodies. */
  log?: Pick<Logger, 'info' | 'warn'>;
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
  const { store } = options;
  const session = new LaunchSession();
  const registry = createCommandRegistry();
  const staging = new UploadStaging(store.layout.root);
  /** Nonces of answered launch-link requests: a captured request cannot be replayed. */
  const usedNonces = new Set<string>();
  let port = 0;

  const server = createServer((request, response) => {
    const started = Date.now();
    response.on('finish', () =>
      options.log?.info({ method: request.method, route: routeShape(request.url ?? '/'), status: response.statusCode, ms: Date.now() - started }, 'request'),
    );
    handle(request, response).catch((error: unknown) => {
      options.log?.warn({ route: routeShape(request.url ?? '/'), code: toErrorPayload(error).code }, 'request failed');
      if (!response.headersSent) sendError(response, statusFor(toErrorPayload(error).code), toErrorPayload(error));
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isAllowedHost(request, port)) return sendError(response, 421, { code: 'host_not_allowed', message: 'This server answers to its own address only.' });
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/auth' && request.method === 'GET') return exchangeToken(url, response);
    if (url.pathname === LAUNCH_LINK_PATH) return answerLaunchLinkRequest(request, response);
    if (!url.pathname.startsWith('/api/')) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return sendError(response, 405, { code: 'method_not_allowed', message: 'Not here.' });
      return serveStatic(options.staticDir ?? null, url.pathname, response);
    }
    if (!session.isAuthenticated(request)) return sendError(response, 401, { code: 'session_required', message: 'Open Lectern from the link it printed at start.' });
    if (!isSameOriginWrite(request, port)) return sendError(response, 403, { code: 'cross_site_refused', message: 'Requests from other sites are refused.' });
    return routeApi(request, response, url);
  }

  function exchangeToken(url: URL, response: ServerResponse): void {
    const issued = session.exchange(url.searchParams.get('token') ?? '');
    if (!issued) return sendError(response, 403, { code: 'launch_token_invalid', message: 'This launch link was already used or is wrong; restart Lectern for a new one.' });
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
    const { nonce, proof } = ((await readJsonBody(request)) ?? {}) as Partial<LaunchLinkRequest>;
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
      const outcome = await registry.invoke({ store }, invoke[1]!, await readJsonBody(request));
      return outcome.ok ? sendJson(response, 200, { result: outcome.result }) : sendError(response, statusFor(outcome.error.code), outcome.error);
    }
    if (url.pathname === '/api/upload/pack' && request.method === 'POST') {
      return sendJson(response, 200, { result: { uploadId: await staging.stageStream(request, options.uploadMaxBytes) } });
    }
    if (url.pathname === '/api/upload/audio' && request.method === 'POST') {
      const uploadId = await staging.stageStream(request, options.uploadMaxBytes);
      return sendJson(response, 200, { result: importAudio(store, url.searchParams.get('profileId') ?? '', uploadId) });
    }
    const download = /^\/api\/download\/([a-z]+_[0-9a-f]{32})$/.exec(url.pathname);
    if (download && request.method === 'GET') {
      const file = readArtifactForDownload(store, url.searchParams.get('profileId') ?? '', download[1]!);
      response.writeHead(200, {
        ...BASE_HEADERS,
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Content-Length': file.data.length,
      });
      return void response.end(file.data);
    }
    if (url.pathname === '/api/events' && request.method === 'GET') return streamJobEvents(request, response);
    if (url.pathname === '/api/support-bundle' && request.method === 'GET') {
      const zip = buildSupportBundle(store.layout, store.appVersion);
      response.writeHead(200, {
        ...BASE_HEADERS,
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="lectern-support-${new Date().toISOString().slice(0, 10)}.zip"`,
        'Content-Length': zip.length,
      });
      return void response.end(zip);
    }
    return sendError(response, 404, { code: 'route_not_found', message: 'No such API route.' });
  }

  function streamJobEvents(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { ...BASE_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    const jobs = jobRegistryFor(store);
    const send = (event: string) => (job: JobView) => response.write(`event: ${event}\ndata: ${JSON.stringify(job)}\n\n`);
    const onProgress = send('progress');
    const onSettled = send('settled');
    jobs.on('progress', onProgress);
    jobs.on('settled', onSettled);
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), 15_000);
    request.on('close', () => {
      clearInterval(heartbeat);
      jobs.off('progress', onProgress);
      jobs.off('settled', onSettled);
    });
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
      await jobRegistryFor(store).cancelAll();
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Reads a JSON body, refusing more than 1 MiB (413) and anything that is not JSON (invalid_payload). */
async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes > JSON_BODY_MAX_BYTES) throw new AppError('payload_too_large', 'The request body is larger than 1 MiB.');
    chunks.push(chunk);
  }
  if (bytes === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new AppError('invalid_payload', 'The request body is not valid JSON.');
  }
}
