// Records each request's socket peer where Node still has the socket: the diagnostics channel
// "http.server.request.start" is published synchronously for every request of every node:http
// server in this process, before the server's "request" listeners (Next's) run. The peer is
// written into PEER_HEADER behind this process's random seal, replacing anything the client sent under that name, so everything
// downstream (proxy.ts, route handlers, server actions via headers()) reads the real peer.
// It also turns a path Next cannot decode into a plain 404 (saneUrl below), a cross-origin or
// oversized page write into a 403 or 413 (refusedWrite) where Next would answer a bare 500, and a
// client past its page budget (lib/infra/page-budget.ts) into a 429, before Next renders anything.
// Started once, from instrumentation.ts register(), which Next runs before it serves a request.
import { randomBytes } from 'node:crypto';
import dc from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { clientAddress, limiterKey, normalizeAddress, PEER_CAPTURE_ACTIVE, PEER_HEADER, type TrustProxy } from './client-address';
import { createPageBudget, isPageRequest } from './page-budget';

type RequestStart = { request: IncomingMessage };

/** Where a request whose path is not valid percent-encoding is sent: no such page, so a 404. */
export const MALFORMED_PATH = '/_malformed-path';

/**
 * Next answers a path it cannot decode (`/coins/%C3%28`) by rendering a /400 page the App Router
 * does not have, and that failure ends as a bare 500 without the security headers. Such a request
 * is pointed at a path that does not exist instead, so Next answers its ordinary 404, headers and all.
 */
export function saneUrl(url: string | undefined): string | undefined {
  if (url === undefined) return url;
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  try {
    decodeURIComponent(path);
    return url;
  } catch {
    return MALFORMED_PATH;
  }
}

export const REFUSED_STATUSES = [400, 403, 413, 429] as const;
/** Next's default limit for a server action's body (serverActions.bodySizeLimit, 1 MB). */
const ACTION_BODY_LIMIT = 1024 * 1024;

/**
 * A page write Next would end in a bare 500: a form or action post (a POST outside /api/, or any
 * with a `next-action` header) from another origin than the host it names (Next's own CSRF rule:
 * Origin's host against X-Forwarded-Host, else Host), or one declaring a body over the action
 * limit. Returns the status to answer with, or null to let Next handle it.
 */
export function refusedWrite(request: Pick<IncomingMessage, 'method' | 'url' | 'headers'>): 403 | 413 | null {
  const { headers } = request;
  if (request.method !== 'POST') return null;
  if (headers['next-action'] === undefined && (request.url ?? '').startsWith('/api/')) return null;
  const origin = headers.origin;
  if (origin !== undefined) {
    let originHost: string | null = null;
    try {
      originHost = origin === 'null' ? 'null' : new URL(origin).host;
    } catch {
      return 403;
    }
    const forwarded = headers['x-forwarded-host'];
    const host = (Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(',')[0]?.trim()) || headers.host;
    if (originHost !== host) return 403;
  }
  const length = Number(headers['content-length']);
  if (Number.isFinite(length) && length > ACTION_BODY_LIMIT) return 413;
  return null;
}

/** Where a refused request is answered (app/api/refused/route.ts): JSON, with every security header. */
export function refusedUrl(status: (typeof REFUSED_STATUSES)[number], retryAfter?: number): string {
  return `/api/refused?status=${status}${retryAfter === undefined ? '' : `&retry=${retryAfter}`}`;
}

export type PeerCaptureOptions = {
  /** Page requests per client per minute (PAGE_RATE_LIMIT_PER_MINUTE); 0 or unset: no page budget. */
  pagesPerMinute?: number;
  /** How the client is found behind proxies (TRUST_PROXY), as for every other limit. */
  trust?: TrustProxy;
};

/** The client's limiter key from a raw request: the socket peer, or with TRUST_PROXY the forwarded hop. */
export function requestClientKey(request: Pick<IncomingMessage, 'headers' | 'socket'>, trust: TrustProxy): string {
  const peer = normalizeAddress(request.socket?.remoteAddress);
  if (trust.kind === 'none') return limiterKey(peer);
  const forwarded = new Headers();
  for (const name of ['x-forwarded-for', 'forwarded'] as const) {
    const value = request.headers[name];
    if (value !== undefined) forwarded.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return limiterKey(clientAddress(forwarded, trust, peer));
}

export function startPeerCapture(options: PeerCaptureOptions = {}): void {
  const holder = globalThis as { [PEER_CAPTURE_ACTIVE]?: string };
  if (holder[PEER_CAPTURE_ACTIVE]) return;
  const seal = randomBytes(16).toString('hex');
  const trust = options.trust ?? { kind: 'none' };
  const pages = createPageBudget({ perMinute: options.pagesPerMinute ?? 0 });
  dc.subscribe('http.server.request.start', (message: unknown) => {
    const { request } = message as RequestStart;
    // No address (a socket already gone) seals an empty one: the client is then "unknown".
    request.headers[PEER_HEADER] = `${seal} ${request.socket?.remoteAddress ?? ''}`;
    // Nothing below may throw: an exception in a channel subscriber is not the request's to catch.
    try {
      const url = saneUrl(request.url);
      if (url !== request.url && url !== undefined) request.url = url;
      const refused = refusedWrite(request);
      const wait = refused === null && isPageRequest(request.method, request.url) ? pages.take(requestClientKey(request, trust)) : null;
      if (refused !== null || wait !== null) {
        delete request.headers['next-action'];
        request.url = refused !== null ? refusedUrl(refused) : refusedUrl(429, wait ?? 1);
      }
    } catch {
      // Left to Next as it came.
    }
  });
  holder[PEER_CAPTURE_ACTIVE] = seal;
}
