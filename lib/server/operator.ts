// Who may change what the server polls for everyone (coins, and pool sites when they land): the
// operator. That is a client on this machine (loopback, and not a local proxy forwarding someone
// else), or anyone presenting ADMIN_TOKEN, compared in constant time.
import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { clientAddress, isLoopback, normalizeAddress, peerAddress } from '@/lib/infra/client-address';
import { services } from './services';

/** The requesting client's address (lib/infra/client-address.ts under this server's TRUST_PROXY); null when unknown. */
export function clientOf(headers: Headers): string | null {
  return clientAddress(headers, services().env.TRUST_PROXY);
}

/** Constant-time equality of two secrets of any length (both hashed to 32 bytes first). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Whether a proxy relayed this request for someone else: X-Real-IP or Forwarded present, or an
 * X-Forwarded-For naming anyone but the peer itself (Next fills X-Forwarded-For with the peer when
 * a request has none, so that value alone says nothing).
 */
function relayed(headers: Headers, peer: string | null): boolean {
  if (headers.has('x-real-ip') || headers.has('forwarded')) return true;
  const xff = headers.get('x-forwarded-for');
  return xff !== null && xff.split(',').some((entry) => normalizeAddress(entry) !== peer);
}

/**
 * True when this request may write server state: ADMIN_TOKEN given (as `authorization: Bearer …`
 * or `token`), or a loopback client. A loopback peer that carries forwarding headers while
 * TRUST_PROXY is unset is a proxy on this machine relaying someone else: not the operator.
 */
export function isOperator(headers: Headers, token?: string | null): boolean {
  const { env } = services();
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.get('authorization') ?? '')?.[1]?.trim();
  const given = token || bearer;
  if (env.ADMIN_TOKEN && given && sameSecret(given, env.ADMIN_TOKEN)) return true;
  if (env.TRUST_PROXY.kind === 'none' && relayed(headers, peerAddress(headers))) return false;
  return isLoopback(clientOf(headers));
}

/** Whether the operator set ADMIN_TOKEN (so a token field is worth showing). */
export function operatorTokenSet(): boolean {
  return Boolean(services().env.ADMIN_TOKEN);
}

export class OperatorRequiredError extends Error {
  override name = 'OperatorRequiredError';
  constructor() {
    super('operator_required');
  }
}

/** Throws OperatorRequiredError unless isOperator(headers, token). */
export function requireOperator(headers: Headers, token?: string | null): void {
  if (!isOperator(headers, token)) throw new OperatorRequiredError();
}
