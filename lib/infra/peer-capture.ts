// Records each request's socket peer where Node still has the socket: the diagnostics channel
// "http.server.request.start" is published synchronously for every request of every node:http
// server in this process, before the server's "request" listeners (Next's) run. The peer is
// written into PEER_HEADER behind this process's random seal, replacing anything the client sent under that name, so everything
// downstream (proxy.ts, route handlers, server actions via headers()) reads the real peer.
// Started once, from instrumentation.ts register(), which Next runs before it serves a request.
import { randomBytes } from 'node:crypto';
import dc from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { PEER_CAPTURE_ACTIVE, PEER_HEADER } from './client-address';

type RequestStart = { request: IncomingMessage };

export function startPeerCapture(): void {
  const holder = globalThis as { [PEER_CAPTURE_ACTIVE]?: string };
  if (holder[PEER_CAPTURE_ACTIVE]) return;
  const seal = randomBytes(16).toString('hex');
  dc.subscribe('http.server.request.start', (message: unknown) => {
    const { request } = message as RequestStart;
    // No address (a socket already gone) seals an empty one: the client is then "unknown".
    request.headers[PEER_HEADER] = `${seal} ${request.socket?.remoteAddress ?? ''}`;
  });
  holder[PEER_CAPTURE_ACTIVE] = seal;
}
