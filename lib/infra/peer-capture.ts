// Records each request's socket peer where Node still has the socket: the diagnostics channel
// "http.server.request.start" is published synchronously for every request of every node:http
// server in this process, before the server's "request" listeners (Next's) run. The peer is
// written into PEER_HEADER behind this process's random seal, replacing anything the client sent under that name, so everything
// downstream (proxy.ts, route handlers, server actions via headers()) reads the real peer.
// It also turns a path Next cannot decode into a plain 404 (saneUrl below).
// Started once, from instrumentation.ts register(), which Next runs before it serves a request.
import { randomBytes } from 'node:crypto';
import dc from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { PEER_CAPTURE_ACTIVE, PEER_HEADER } from './client-address';

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

export function startPeerCapture(): void {
  const holder = globalThis as { [PEER_CAPTURE_ACTIVE]?: string };
  if (holder[PEER_CAPTURE_ACTIVE]) return;
  const seal = randomBytes(16).toString('hex');
  dc.subscribe('http.server.request.start', (message: unknown) => {
    const { request } = message as RequestStart;
    // No address (a socket already gone) seals an empty one: the client is then "unknown".
    request.headers[PEER_HEADER] = `${seal} ${request.socket?.remoteAddress ?? ''}`;
    const url = saneUrl(request.url);
    if (url !== request.url && url !== undefined) request.url = url;
  });
  holder[PEER_CAPTURE_ACTIVE] = seal;
}
