// The client address every limit and the operator check use (lib/infra/client-address.ts).
import { afterEach, describe, expect, it } from 'vitest';
import {
  clientAddress,
  isLoopback,
  limiterKey,
  normalizeAddress,
  parseTrustProxy,
  PEER_CAPTURE_ACTIVE,
  PEER_HEADER,
  peerAddress,
} from '@/lib/infra/client-address';
import { parseEnv } from '@/lib/infra/env';

const none = parseTrustProxy(undefined);
const SPOOFS = {
  'x-forwarded-for': '127.0.0.1',
  'x-real-ip': '127.0.0.1',
  forwarded: 'for=127.0.0.1;proto=https',
};

afterEach(() => {
  delete (globalThis as { [PEER_CAPTURE_ACTIVE]?: string })[PEER_CAPTURE_ACTIVE];
});

describe('without TRUST_PROXY', () => {
  it('is the socket peer; spoofed X-Forwarded-For, X-Real-IP and Forwarded change nothing', () => {
    expect(clientAddress(new Headers(SPOOFS), none, '203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '198.51.100.1, 198.51.100.2' }), none, '203.0.113.9')).toBe('203.0.113.9');
  });

  it('writes IPv4-mapped IPv6 peers as IPv4', () => {
    expect(clientAddress(new Headers(), none, normalizeAddress('::ffff:127.0.0.1'))).toBe('127.0.0.1');
  });

  it('believes the peer header only behind this process’s seal (a client cannot write it)', () => {
    expect(peerAddress(new Headers({ [PEER_HEADER]: 'abc 127.0.0.1' }))).toBeNull(); // no capture here
    (globalThis as { [PEER_CAPTURE_ACTIVE]?: string })[PEER_CAPTURE_ACTIVE] = 'abc';
    expect(peerAddress(new Headers({ [PEER_HEADER]: 'abc ::ffff:127.0.0.1' }))).toBe('127.0.0.1');
    expect(peerAddress(new Headers({ [PEER_HEADER]: '127.0.0.1' }))).toBeNull();
    expect(peerAddress(new Headers({ [PEER_HEADER]: 'abd 127.0.0.1' }))).toBeNull();
    expect(limiterKey(clientAddress(new Headers({ [PEER_HEADER]: 'x 127.0.0.1' }), none))).toBe('unknown');
  });
});

describe('TRUST_PROXY as a hop count', () => {
  const one = parseTrustProxy('1');
  it('takes the address the one proxy saw, not what the client wrote before it', () => {
    // Client 198.51.100.7 sent "X-Forwarded-For: 127.0.0.1"; nginx (peer 127.0.0.1) appended the real one.
    const headers = new Headers({ 'x-forwarded-for': '127.0.0.1, 198.51.100.7' });
    expect(clientAddress(headers, one, '127.0.0.1')).toBe('198.51.100.7');
  });

  it('with two hops, the second from the right', () => {
    const headers = new Headers({ 'x-forwarded-for': '1.1.1.1, 198.51.100.7, 10.0.0.2' });
    expect(clientAddress(headers, parseTrustProxy('2'), '10.0.0.1')).toBe('198.51.100.7');
  });

  it('with no forwarded header, the peer; a garbage hop stops at the last address checked', () => {
    expect(clientAddress(new Headers(), one, '127.0.0.1')).toBe('127.0.0.1');
    expect(clientAddress(new Headers({ 'x-forwarded-for': 'not-an-ip' }), one, '127.0.0.1')).toBe('127.0.0.1');
  });

  it('reads Forwarded when X-Forwarded-For is absent (quoted IPv6 with port, IPv4 with port)', () => {
    const v6 = new Headers({ forwarded: 'for=192.0.2.60;proto=http, for="[2001:db8:cafe::17]:4711"' });
    expect(clientAddress(v6, one, '127.0.0.1')).toBe('2001:db8:cafe::17');
    expect(clientAddress(new Headers({ forwarded: 'for="192.0.2.43:47011"' }), one, '127.0.0.1')).toBe('192.0.2.43');
  });
});

describe('TRUST_PROXY as addresses', () => {
  it('walks past every trusted proxy and stops at the first address that is not one', () => {
    const trust = parseTrustProxy('loopback, 10.0.0.0/8');
    const headers = new Headers({ 'x-forwarded-for': '127.0.0.1, 203.0.113.5, 10.1.2.3' });
    // peer 127.0.0.1 (trusted) → 10.1.2.3 (trusted) → 203.0.113.5 (not ours): the client.
    expect(clientAddress(headers, trust, '127.0.0.1')).toBe('203.0.113.5');
  });

  it('ignores the headers when the peer is not a trusted proxy', () => {
    const trust = parseTrustProxy('10.0.0.1');
    expect(clientAddress(new Headers(SPOOFS), trust, '203.0.113.9')).toBe('203.0.113.9');
  });
});

describe('parseTrustProxy and the environment', () => {
  it('refuses what is neither a count nor an address, naming TRUST_PROXY', () => {
    expect(() => parseEnv({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
    expect(() => parseEnv({ TRUST_PROXY: '11' })).toThrow(/TRUST_PROXY/);
    expect(parseEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toEqual({ kind: 'hops', hops: 2 });
    expect(parseEnv({}).TRUST_PROXY).toEqual({ kind: 'none' });
  });

  it('refuses a short ADMIN_TOKEN', () => {
    expect(() => parseEnv({ ADMIN_TOKEN: 'short' })).toThrow(/ADMIN_TOKEN/);
  });
});

describe('limiterKey and isLoopback', () => {
  it('keys IPv6 by its /64, so rotating addresses within one prefix shares one allowance', () => {
    expect(limiterKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(limiterKey('2001:db8:1:2:bbbb::9')).toBe('2001:db8:1:2::/64');
    expect(limiterKey('203.0.113.9')).toBe('203.0.113.9');
    expect(limiterKey(null)).toBe('unknown');
  });

  it('knows loopback', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('127.8.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('203.0.113.9')).toBe(false);
    expect(isLoopback(null)).toBe(false);
  });
});

describe('saneUrl', () => {
  it('sends a path that is not valid percent-encoding to a page that does not exist; leaves the rest', async () => {
    const { saneUrl, MALFORMED_PATH } = await import('@/lib/infra/peer-capture');
    expect(saneUrl('/coins/%C3%28')).toBe(MALFORMED_PATH);
    expect(saneUrl('/coins/%E0%A4%A?x=1')).toBe(MALFORMED_PATH);
    expect(saneUrl('/coins/RVN?q=%C3%28')).toBe('/coins/RVN?q=%C3%28'); // a query is parsed leniently
    expect(saneUrl('/coins/%C3%A9')).toBe('/coins/%C3%A9');
  });
});

describe('refusedWrite', () => {
  const post = (url: string, headers: Record<string, string>) => ({ method: 'POST', url, headers });
  it('refuses a cross-origin page or action post (403) and an oversized one (413), as Next would with a 500', async () => {
    const { refusedWrite } = await import('@/lib/infra/peer-capture');
    expect(refusedWrite(post('/coins/add', { host: 'mine.example', origin: 'https://evil.example' }))).toBe(403);
    expect(refusedWrite(post('/api/x', { host: 'mine.example', origin: 'https://evil.example', 'next-action': 'abc' }))).toBe(403);
    expect(refusedWrite(post('/coins/add', { host: 'mine.example', origin: 'https://mine.example', 'content-length': String(2 * 1024 * 1024) }))).toBe(413);
    // Same origin (by Host, or by X-Forwarded-Host behind a proxy), no Origin at all, a GET, an API post: Next's to handle.
    expect(refusedWrite(post('/coins/add', { host: 'mine.example', origin: 'http://mine.example' }))).toBeNull();
    expect(refusedWrite(post('/coins/add', { host: '127.0.0.1:3000', 'x-forwarded-host': 'mine.example', origin: 'https://mine.example' }))).toBeNull();
    expect(refusedWrite(post('/coins/add', { host: 'mine.example' }))).toBeNull();
    expect(refusedWrite({ method: 'GET', url: '/', headers: { host: 'a', origin: 'https://b' } })).toBeNull();
    expect(refusedWrite(post('/api/payouts', { host: 'a', origin: 'https://b' }))).toBeNull();
  });
});
