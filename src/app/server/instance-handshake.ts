import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The loopback route through which a second `lectern start` asks the running one for a new launch link. Both sides
 * know a per-run secret from the 0600 instance file; neither ever sends it. The asker proves it knows the secret with
 * an HMAC of a fresh nonce; the answer carries an HMAC of the nonce and the link, so the asker opens nothing that a
 * process squatting on a stale port made up (docs/decisions/0007-app-window-and-single-instance.md).
 */
export const LAUNCH_LINK_PATH = '/instance/launch-link';

/** A nonce is 32 random bytes, base64url. */
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface LaunchLinkRequest {
  nonce: string;
  proof: string;
}

export interface LaunchLinkAnswer {
  launchUrl: string;
  proof: string;
}

/** HMAC-SHA256 under the instance secret, bound to its step so a request's proof can never pass for an answer's. */
export function instanceProof(secret: Buffer, step: 'request' | 'answer', ...parts: string[]): string {
  return createHmac('sha256', secret).update(['lectern-instance-v1', step, ...parts].join('\n')).digest('base64url');
}

/** Constant-time comparison of two proofs. */
export function sameProof(candidate: unknown, expected: string): boolean {
  if (typeof candidate !== 'string') return false;
  const left = Buffer.from(candidate);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}
