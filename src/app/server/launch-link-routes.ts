import type { IncomingMessage, ServerResponse } from 'node:http';
import { BASE_HEADERS, sendError, sendJson } from './http-responses.js';
import { instanceProof, NONCE_PATTERN, sameProof, type LaunchLinkAnswer, type LaunchLinkRequest } from './instance-handshake.js';
import { answerUsedLaunchLink } from './launch-link-page.js';
import { readJsonBody } from './request-body.js';
import { sessionCookie, type LaunchSession } from './session.js';

/** `GET /auth?token=`: the one-time launch token exchanged for the session cookie. */
export function exchangeLaunchToken(session: LaunchSession, request: IncomingMessage, url: URL, response: ServerResponse): void {
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
 * Hands a second `lectern start` a new launch link. Browsers are refused outright (they send Origin or
 * Sec-Fetch-Site, a local program does not); the asker must prove it knows the instance secret for a nonce never
 * seen before; the answer is bound to that nonce and the link with the same secret.
 */
export class LaunchLinkIssuer {
  /** Nonces of answered launch-link requests: a captured request cannot be replayed. */
  private readonly usedNonces = new Set<string>();

  constructor(
    private readonly session: LaunchSession,
    private readonly secret: Buffer | undefined,
  ) {}

  async answer(request: IncomingMessage, response: ServerResponse, port: number): Promise<void> {
    const secret = this.secret;
    if (!secret || request.method !== 'POST') return sendError(response, 404, { code: 'route_not_found', message: 'No such route.' });
    if (request.headers.origin !== undefined || request.headers['sec-fetch-site'] !== undefined) {
      return sendError(response, 403, { code: 'cross_site_refused', message: 'Requests from web pages are refused.' });
    }
    const { nonce, proof } = ((await readJsonBody(request, response)) ?? {}) as Partial<LaunchLinkRequest>;
    if (typeof nonce !== 'string' || !NONCE_PATTERN.test(nonce) || this.usedNonces.has(nonce) || !sameProof(proof, instanceProof(secret, 'request', nonce))) {
      return sendError(response, 403, { code: 'instance_proof_invalid', message: 'This request does not come from Lectern on this data folder.' });
    }
    this.usedNonces.add(nonce);
    const launchUrl = `http://127.0.0.1:${port}/auth?token=${this.session.issueLaunchToken()}`;
    const answer: LaunchLinkAnswer = { launchUrl, proof: instanceProof(secret, 'answer', nonce, launchUrl) };
    sendJson(response, 200, answer);
  }
}
