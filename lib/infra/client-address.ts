// Who is asking: the one answer every per-client limit and the operator check use.
//
// Next 16 gives route handlers, server actions and proxy.ts no socket (NextRequest.ip was removed in
// Next 15), and its own `x-forwarded-for` is only filled in when the client sent none, so a header
// is all it offers and anyone can set it. The peer is therefore taken where Node still has the
// socket: lib/infra/peer-capture.ts (started from instrumentation.ts) writes the socket's remote
// address into PEER_HEADER on every incoming request before Next sees it, overwriting whatever the
// client sent. Without TRUST_PROXY that peer is the client and X-Forwarded-For, X-Real-IP and
// Forwarded are ignored. With it, the proxies are walked from the socket outwards as Express's
// proxy-addr and Fastify's trustProxy do: a hop count, or the addresses/CIDRs of the proxies.
import ipaddr from 'ipaddr.js';

/** Set from the socket on every request; a client's own value never survives (peer-capture.ts). */
export const PEER_HEADER = 'x-minerank-peer';
/**
 * globalThis slot for this process's seal: a random value the capture writes before the address
 * ("<seal> <address>"). A request that reached Next before the capture started (the first ones
 * while the server prepares) carries no seal, or only what its client wrote: it has no peer.
 */
export const PEER_CAPTURE_ACTIVE = Symbol.for('minerank.peerCapture');

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

export type TrustProxy =
  | { kind: 'none' }
  /** The last `hops` entries of the forwarded chain were added by our own proxies. */
  | { kind: 'hops'; hops: number }
  /** Every hop whose address is in one of these ranges is one of our proxies. */
  | { kind: 'ranges'; ranges: Range[] };

// Express's names for common proxy ranges.
const NAMED: Readonly<Record<string, readonly string[]>> = {
  loopback: ['127.0.0.1/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/**
 * TRUST_PROXY: unset/"false"/"0" = no proxy; an integer 1–10 = that many proxy hops; else a
 * comma-separated list of addresses, CIDRs and the names loopback, linklocal, uniquelocal.
 * Throws an Error saying what is wrong (the caller names the variable).
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return { kind: 'none' };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new Error('a hop count is at most 10');
    return { kind: 'hops', hops };
  }
  const ranges: Range[] = [];
  for (const raw of text.split(',')) {
    const item = raw.trim().toLowerCase();
    const cidrs = NAMED[item] ?? [item];
    for (const cidr of cidrs) {
      try {
        if (cidr.includes('/')) {
          ranges.push(ipaddr.parseCIDR(cidr));
        } else {
          const address = ipaddr.parse(cidr);
          ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
        }
      } catch {
        throw new Error(`"${raw.trim()}" is not a hop count, an IP address, a CIDR or one of loopback, linklocal, uniquelocal`);
      }
    }
  }
  return { kind: 'ranges', ranges };
}

/** The address in canonical form (IPv4-mapped IPv6 as plain IPv4), or null when it is not an IP. */
export function normalizeAddress(text: string | null | undefined): string | null {
  if (!text) return null;
  let value = text.trim();
  if (value.startsWith('[')) value = value.slice(1, value.indexOf(']') > 0 ? value.indexOf(']') : undefined);
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const zone = value.indexOf('%');
  if (zone > 0) value = value.slice(0, zone);
  if (!ipaddr.isValid(value)) return null;
  try {
    return ipaddr.process(value).toString();
  } catch {
    return null;
  }
}

/** The `for=` addresses of a Forwarded header (RFC 7239), first hop first; obfuscated ones as null. */
function forwardedFor(header: string): (string | null)[] {
  const out: (string | null)[] = [];
  for (const element of header.split(',')) {
    const pair = element
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.toLowerCase().startsWith('for='));
    if (!pair) continue;
    out.push(normalizeAddress(pair.slice(4).replace(/^"|"$/g, '')));
  }
  return out;
}

/** The hops as the proxies recorded them, client side first: X-Forwarded-For, else Forwarded. */
function forwardedChain(headers: Headers): (string | null)[] {
  const xff = headers.get('x-forwarded-for');
  if (xff !== null) return xff.split(',').map((entry) => normalizeAddress(entry));
  const forwarded = headers.get('forwarded');
  return forwarded !== null ? forwardedFor(forwarded) : [];
}

function inRanges(address: string, ranges: readonly Range[]): boolean {
  const parsed = ipaddr.parse(address);
  return ranges.some(([base, bits]) => base.kind() === parsed.kind() && parsed.match(base, bits));
}

/** The socket peer recorded by peer-capture.ts, or null when no capture runs in this process. */
export function peerAddress(headers: Headers): string | null {
  const seal = (globalThis as { [PEER_CAPTURE_ACTIVE]?: string })[PEER_CAPTURE_ACTIVE];
  const value = headers.get(PEER_HEADER);
  if (typeof seal !== 'string' || value === null) return null;
  const space = value.indexOf(' ');
  return space > 0 && value.slice(0, space) === seal ? normalizeAddress(value.slice(space + 1)) : null;
}

/**
 * The client's address: the socket peer, or with TRUST_PROXY the first hop (walking from the
 * socket outwards) that is not one of our proxies. A hop the proxies wrote that is not an address
 * stops the walk at the last address we could check. null when the peer is unknown.
 */
export function clientAddress(headers: Headers, trust: TrustProxy, peer: string | null = peerAddress(headers)): string | null {
  if (peer === null) return null;
  if (trust.kind === 'none') return peer;
  // Nearest first: the socket, then the chain from its right end.
  const hops = [peer, ...forwardedChain(headers).reverse()];
  let client = peer;
  for (let i = 1; i < hops.length; i++) {
    const trusted = trust.kind === 'hops' ? i <= trust.hops : inRanges(client, trust.ranges);
    const next = hops[i];
    if (!trusted || next === null || next === undefined) break;
    client = next;
  }
  return client;
}

/**
 * The limiter key of an address: IPv6 by its /64 (one subscriber's prefix, where rotating
 * addresses costs nothing), IPv4 whole; "unknown" when there is no address.
 */
export function limiterKey(address: string | null): string {
  if (address === null) return 'unknown';
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return address;
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${parts.map((p) => p.toString(16)).join(':')}::/64`;
}

/** True for 127.0.0.0/8 and ::1: a client on this machine. */
export function isLoopback(address: string | null): boolean {
  return address !== null && ipaddr.parse(address).range() === 'loopback';
}
