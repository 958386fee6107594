// The per-client page budget (lib/infra/page-budget.ts) and how peer-capture keys a raw request.
import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from '@/lib/infra/client-address';
import { createPageBudget, isPageRequest } from '@/lib/infra/page-budget';
import { requestClientKey } from '@/lib/infra/peer-capture';
import { OVERFLOW_KEY } from '@/lib/infra/rate-limit';

describe('createPageBudget', () => {
  it('allows perMinute pages per client per 60 s window, then says how long to wait', () => {
    let t = 1_000_000;
    const budget = createPageBudget({ perMinute: 3, now: () => t });
    expect([budget.take('a'), budget.take('a'), budget.take('a')]).toEqual([null, null, null]);
    // The window opened at t = 1,000,000 ms and ends at 1,060,000; 15.5 s later 44.5 s are left → 45.
    t += 15_500;
    expect(budget.take('a')).toBe(45);
    // Another client has its own count.
    expect(budget.take('b')).toBeNull();
    // A new window at its end: allowed again.
    t = 1_060_000;
    expect(budget.take('a')).toBeNull();
  });

  it('keeps at most maxKeys clients apart; newcomers past that share one allowance', () => {
    let t = 0;
    const budget = createPageBudget({ perMinute: 2, maxKeys: 2, now: () => t });
    budget.take('a');
    budget.take('b');
    expect(budget.size).toBe(2);
    // c and d are counted together under the overflow key: 2 pages between them.
    expect([budget.take('c'), budget.take('d'), budget.take('c')]).toEqual([null, null, 60]);
    expect(budget.size).toBe(3);
    // Once the windows end, the expired entries are swept and a newcomer gets its own count.
    t = 60_000;
    expect(budget.take('e')).toBeNull();
    expect(budget.take('e')).toBeNull();
    expect(budget.take('e')).toBe(60);
    expect(OVERFLOW_KEY).toBe('overflow');
  });

  it('is off at 0', () => {
    const budget = createPageBudget({ perMinute: 0 });
    for (let i = 0; i < 5; i++) expect(budget.take('a')).toBeNull();
    expect(budget.size).toBe(0);
  });
});

describe('isPageRequest', () => {
  it('counts pages, navigations, form posts and unknown paths, not build files, the API, feeds or static files', () => {
    for (const url of ['/', '/?hr=1', '/coins/BTC', '/coins/add', '/nope', '/x.php', '/_next/image?url=x']) {
      expect(isPageRequest('GET', url)).toBe(true);
    }
    expect(isPageRequest('POST', '/coins/add')).toBe(true);
    for (const url of ['/_next/static/chunks/a.js', '/api/coins', '/feeds/rank?x=1', '/icon.svg', '/favicon.ico']) {
      expect(isPageRequest('GET', url)).toBe(false);
    }
    expect(isPageRequest('OPTIONS', '/')).toBe(false);
  });
});

describe('requestClientKey', () => {
  const request = (remoteAddress: string, headers: Record<string, string> = {}) => ({ headers, socket: { remoteAddress } }) as never;
  it('is the socket peer without TRUST_PROXY, whatever the forwarded headers say', () => {
    const none = parseTrustProxy(undefined);
    expect(requestClientKey(request('::ffff:203.0.113.9', { 'x-forwarded-for': '198.51.100.1' }), none)).toBe('203.0.113.9');
    // IPv6 by its /64.
    expect(requestClientKey(request('2001:db8:1:2:3:4:5:6'), none)).toBe('2001:db8:1:2::/64');
  });
  it('with TRUST_PROXY=1, the hop the proxy added', () => {
    const one = parseTrustProxy('1');
    expect(requestClientKey(request('127.0.0.1', { 'x-forwarded-for': '198.51.100.1, 203.0.113.7' }), one)).toBe('203.0.113.7');
    expect(requestClientKey(request('127.0.0.1', { forwarded: 'for=203.0.113.8' }), one)).toBe('203.0.113.8');
  });
});
