import { describe, expect, it } from 'vitest';
import { createKeyedPageCache, createPageCache, type CachedPage } from '@/lib/infra/page-cache';

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

/** A keyed render that answers `<key>@<n>` for its n-th render of that key, and counts them. */
function keyedCounter(status = 200) {
  const calls = new Map<string, number>();
  const render = async (key: string) => {
    const n = (calls.get(key) ?? 0) + 1;
    calls.set(key, n);
    await new Promise((r) => setTimeout(r, 5));
    return page(`${key}@${n}`, status);
  };
  return { render, calls: (key: string) => calls.get(key) ?? 0 };
}

describe('createKeyedPageCache', () => {
  const base = { ttlMs: 10_000, maxEntries: 3, maxBytes: 1_000_000, minRequests: 2 };

  it("lets a key's first request through to the renderer and copies it from the second on", async () => {
    const r = keyedCounter();
    const cache = createKeyedPageCache({ ...base, render: r.render });
    expect(await cache.get('?a', 0)).toBeNull();
    expect(r.calls('?a')).toBe(0);
    const second = await Promise.all(Array.from({ length: 20 }, () => cache.get('?a', 1)));
    expect(second.map((p) => p && text(p))).toEqual(Array.from({ length: 20 }, () => '?a@1'));
    expect(r.calls('?a')).toBe(1); // concurrent requests share one render
    expect(text((await cache.get('?a', 9_999))!)).toBe('?a@1');
    expect(r.calls('?a')).toBe(1);
  });

  it('keeps at most maxEntries copies and drops the least recently used first', async () => {
    const r = keyedCounter();
    const cache = createKeyedPageCache({ ...base, minRequests: 1, render: r.render });
    for (const key of ['?a', '?b', '?c']) await cache.get(key, 0);
    await cache.get('?a', 1); // ?a used again: ?b is now the least recently used
    await cache.get('?d', 2);
    expect(cache.stats().entries).toBe(3);
    await cache.get('?a', 3);
    await cache.get('?c', 3);
    await cache.get('?d', 3);
    expect(r.calls('?a')).toBe(1);
    expect(r.calls('?c')).toBe(1);
    expect(r.calls('?d')).toBe(1);
    await cache.get('?b', 4);
    expect(r.calls('?b')).toBe(2); // it had been dropped
  });

  it('keeps at most maxBytes: each page "?k@1" is 4 bytes, so 10 bytes hold two', async () => {
    const r = keyedCounter();
    const cache = createKeyedPageCache({ ...base, maxEntries: 100, maxBytes: 10, minRequests: 1, render: r.render });
    for (const key of ['?a', '?b', '?c']) await cache.get(key, 0);
    expect(cache.stats()).toEqual({ entries: 2, bytes: 8 });
    await cache.get('?a', 1);
    expect(r.calls('?a')).toBe(2);
  });

  it('drops a copy rendered from an older snapshot and renders again before answering', async () => {
    const r = keyedCounter();
    let stamp = 1;
    const cache = createKeyedPageCache({ ...base, minRequests: 1, render: r.render, version: () => stamp });
    expect(text((await cache.get('?a', 0))!)).toBe('?a@1');
    stamp = 2;
    const page2 = await cache.get('?a', 1);
    expect(text(page2!)).toBe('?a@2');
    expect(page2!.version).toBe(2);
    expect(r.calls('?a')).toBe(2);
  });

  it('serves a copy past its TTL while one background render replaces it', async () => {
    const r = keyedCounter();
    const cache = createKeyedPageCache({ ...base, minRequests: 1, render: r.render });
    await cache.get('?a', 0);
    expect(text((await cache.get('?a', 10_000))!)).toBe('?a@1');
    expect(r.calls('?a')).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(text((await cache.get('?a', 10_001))!)).toBe('?a@2');
  });

  it('passes a non-200 render through without copying it', async () => {
    const r = keyedCounter(500);
    const cache = createKeyedPageCache({ ...base, minRequests: 1, render: r.render });
    expect((await cache.get('?a', 0))!.status).toBe(500);
    expect((await cache.get('?a', 1))!.status).toBe(500);
    expect(r.calls('?a')).toBe(2);
    expect(cache.stats().entries).toBe(0);
  });
});
