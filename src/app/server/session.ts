import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'lectern_session';
/** A Cookie header is at most 16 KiB (Node's header limit); past this many candidates the rest are not looked at. */
const MAX_SESSION_CANDIDATES = 16;

/**
 * The launch token printed in the URL is good for one exchange: it becomes an HttpOnly, SameSite=Strict session
 * cookie, and is then spent (a copied or replayed URL is refused). Every /api request needs the cookie.
 */
export class LaunchSession {
  private launchToken: string | null = randomBytes(24).toString('base64url');
  private readonly sessions = new Set<string>();

  /** The token for the launch URL; null once it was exchanged. */
  get token(): string | null {
    return this.launchToken;
  }

  /**
   * A new one-time launch token, for a second `lectern start` that asked the running one for a link; an earlier
   * token not yet spent stops working, so at most one link is ever valid.
   */
  issueLaunchToken(): string {
    this.launchToken = randomBytes(24).toString('base64url');
    return this.launchToken;
  }

  /** Spends the launch token and returns a new session id, or null for a wrong or already used token. */
  exchange(candidate: string): string | null {
    if (!this.launchToken || !sameSecret(candidate, this.launchToken)) return null;
    this.launchToken = null;
    const session = randomBytes(32).toString('base64url');
    this.sessions.add(session);
    return session;
  }

  /**
   * True when any `lectern_session` cookie of the request is a session of ours. Cookies are shared by every port of
   * 127.0.0.1 (RFC 6265 §8.5), so a page served on another port can plant its own `lectern_session`, and a planted
   * cookie with a longer Path is sent before ours: reading only the first one would lock the user out.
   */
  isAuthenticated(request: IncomingMessage): boolean {
    const candidates = readCookies(request, SESSION_COOKIE).slice(0, MAX_SESSION_CANDIDATES);
    let found = false;
    // Every candidate is compared with every session, without stopping at a match: the time taken does not say which.
    for (const candidate of candidates) for (const known of this.sessions) found = sameSecret(candidate, known) || found;
    return found;
  }
}

export function sessionCookie(session: string): string {
  return `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Every value of the named cookie, in the order the browser sent them. */
function readCookies(request: IncomingMessage, name: string): string[] {
  const values: string[] = [];
  for (const part of String(request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) values.push(value.join('='));
  }
  return values;
}

/** Constant time whatever the inputs: both sides are hashed to 32 bytes first, so even their lengths stay hidden. */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
