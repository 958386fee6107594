import { describe, expect, it } from 'vitest';
import { createPageCache, type CachedPage } from '@/lib/infra/page-cache';

const page = (text: string, status = 200): CachedPage => ({
  status,
  headers: [['content-type', 'text/html']],
  body: new TextEncoder().encode(text).buffer as ArrayBuffer,
});
const text = (p: CachedPage) => new TextDecoder().decode(p.body);

function counter(results: Array<CachedPage | Error>) {
  let calls = 0;
  const render = async () => {
    const next = results[Math.min(calls, results.length - 1)]!;
    calls += 1;
    await new Promise((r) => setTimeout(r, 5));
    if (next instanceof Error) throw next;
    return next;
  };
  return { render, calls: () => calls };
}

describe('createPageCache', () => {
  it('renders once for concurrent first requests and serves that copy while fresh', async () => {
    const r = counter([page('v1'), page('v2')]);
    const cache = createPageCache({ ttlMs: 10_000, render: r.render });
    const pages = await Promise.all(Array.from({ length: 50 }, () => cache.get(0)));
    expect(r.calls()).toBe(1);
    expect(pages.every((p) => text(p) === 'v1')).toBe(true);
    expect(text(await cache.get(9_999))).toBe('v1');
    expect(r.calls()).toBe(1);
  });

  it('serves the stale copy once the TTL is over while one background render replaces it', async () => {
    const r = counter([page('v1'), page('v2')]);
    const cache = createPageCache({ ttlMs: 10_000, render: r.render });
    await cache.get(0);
    // At 10 s the copy is stale: this caller still gets v1, and exactly one render starts.
    const [a, b] = await Promise.all([cache.get(10_000), cache.get(10_001)]);
    expect([text(a), text(b)]).toEqual(['v1', 'v1']);
    expect(r.calls()).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(text(await cache.get(10_002))).toBe('v2');
  });

  it('treats the copy as stale as soon as the data it was rendered from changes, TTL or not', async () => {
    const r = counter([page('v1'), page('v2')]);
    let stamp = 1;
    const cache = createPageCache({ ttlMs: 10_000, render: r.render, version: () => stamp });
    await cache.get(0);
    expect(text(await cache.get(1_000))).toBe('v1');
    expect(r.calls()).toBe(1);
    stamp = 2; // a newer snapshot (this instance refreshed, or took another instance's)
    expect(text(await cache.get(1_001))).toBe('v1'); // served stale once, while one render runs
    expect(r.calls()).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(text(await cache.get(1_002))).toBe('v2');
    expect(r.calls()).toBe(2); // rendered from stamp 2: fresh again
  });

  it('keeps the good copy when a refresh fails, and reports the error', async () => {
    const errors: unknown[] = [];
    const r = counter([page('v1'), new Error('render failed')]);
    const cache = createPageCache({ ttlMs: 1000, render: r.render, onError: (e) => errors.push(e) });
    await cache.get(0);
    expect(text(await cache.get(5000))).toBe('v1');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(text(await cache.get(5001))).toBe('v1');
    expect(errors).toHaveLength(1);
  });

  it('passes a non-200 answer through once without caching it', async () => {
    const r = counter([page('oops', 500), page('v1')]);
    const cache = createPageCache({ ttlMs: 10_000, render: r.render });
    expect((await cache.get(0)).status).toBe(500);
    expect(text(await cache.get(1))).toBe('v1');
    expect(r.calls()).toBe(2);
  });

  it('rejects the first caller when there is no copy and the render fails', async () => {
    const r = counter([new Error('down'), page('v1')]);
    const cache = createPageCache({ ttlMs: 10_000, render: r.render });
    await expect(cache.get(0)).rejects.toThrow('down');
    expect(text(await cache.get(1))).toBe('v1');
  });
});
