import { describe, expect, it } from 'vitest';
import { clientKey, createRateLimiter } from '@/lib/rate-limit';

describe('createRateLimiter', () => {
  it('allows a burst of perMinute, then asks to wait until a token refills', () => {
    const limiter = createRateLimiter(60); // one token a second
    for (let i = 0; i < 60; i++) expect(limiter.take('a', 0)).toBeNull();
    expect(limiter.take('a', 0)).toBe(1);
    expect(limiter.take('b', 0)).toBeNull(); // per client
    expect(limiter.take('a', 1000)).toBeNull(); // a second later: one more
    expect(limiter.take('a', 1000)).toBe(1);
  });

  it('is off at 0', () => {
    const limiter = createRateLimiter(0);
    for (let i = 0; i < 1000; i++) expect(limiter.take('a', 0)).toBeNull();
  });

  it('names the client by its first forwarded address', () => {
    const request = new Request('http://x/api/coins', { headers: { 'x-forwarded-for': '203.0.113.7, 10.0.0.1' } });
    expect(clientKey(request)).toBe('203.0.113.7');
    expect(clientKey(new Request('http://x/'))).toBe('unknown');
  });
});
