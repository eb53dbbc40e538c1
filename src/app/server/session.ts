import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'lectern_session';

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

  isAuthenticated(request: IncomingMessage): boolean {
    const session = readCookie(request, SESSION_COOKIE);
    return session !== null && [...this.sessions].some((known) => sameSecret(session, known));
  }
}

export function sessionCookie(session: string): string {
  return `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`;
}

function readCookie(request: IncomingMessage, name: string): string | null {
  for (const part of String(request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
