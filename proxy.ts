// `/` with no query is the same page for everyone until the snapshot changes, and it is most
// visits' first page, so full-document GETs of it are served from a short-lived in-process copy
// (lib/infra/page-cache.ts) instead of being rendered per request. The copy is made by asking this
// server for the page, marked so the request goes through to the renderer.
// `/` with a query (a shared link's first load) is copied per query once the same query is asked
// for a second time: a link passed around is rendered once per TTL and snapshot, a link opened
// once goes to the renderer as before. Those copies are bounded (LINK_ENTRIES, LINK_BYTES, least
// recently used out first) and dropped when the snapshot changes. Client navigations (RSC
// requests) and every other path are untouched.
// It also reads every multipart post to a page (forms and server actions) before Next does: a body
// that does not parse as multipart is answered 400 here, where Next's action handler would throw
// and answer a bare 500. (Next hands the proxy a copy of the body and the page gets the original.)
import { NextResponse, type NextRequest } from 'next/server';
import { log } from '@/lib/infra/log';
import { createKeyedPageCache, createPageCache, type CachedPage } from '@/lib/infra/page-cache';
import { servedStamp } from '@/lib/infra/served-stamp';

/** How far the cached `/` may trail the snapshot service's current data. */
const TTL_MS = 10_000;
const BYPASS_HEADER = 'x-minerank-render';
// A per-process token: only this server's own request skips the cache (anyone else's header is ignored).
const BYPASS_TOKEN = crypto.randomUUID();
// Hop-by-hop and length headers are the runtime's to set on the copy.
const DROP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'date']);

/** Shared-link copies: at most this many pages and bytes (a `/` of 300 coins is about 0.3 MB). */
const LINK_ENTRIES = 64;
const LINK_BYTES = 24 * 1024 * 1024;
/** Longer queries are never copied (the URL state is far shorter; this bounds a key's size). */
const LINK_MAX_QUERY = 2048;

/** This server's own render of `/` plus `search`, asked on loopback and marked to skip the proxy's copies. */
async function renderHere(origin: string, search: string): Promise<CachedPage> {
  const response = await fetch(`${origin}/${search}`, {
    headers: { [BYPASS_HEADER]: BYPASS_TOKEN, 'accept-encoding': 'identity' },
    cache: 'no-store',
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
  const headers = [...response.headers].filter(([name]) => !DROP.has(name.toLowerCase()));
  return { status: response.status, headers, body: await response.arrayBuffer() };
}

let cache: ReturnType<typeof createPageCache> | null = null;
let linkCache: ReturnType<typeof createKeyedPageCache> | null = null;

function pageCache(origin: string) {
  cache ??= createPageCache({
    ttlMs: TTL_MS,
    // A newer snapshot (refreshed here, or taken from another instance) makes the copy stale at once.
    version: servedStamp,
    onError: (error) => log('warn', 'home_cache_refresh_failed', { error: String(error) }),
    render: () => renderHere(origin, ''),
  });
  return cache;
}

function linkPageCache(origin: string) {
  linkCache ??= createKeyedPageCache({
    ttlMs: TTL_MS,
    maxEntries: LINK_ENTRIES,
    maxBytes: LINK_BYTES,
    minRequests: 2,
    version: servedStamp,
    onError: (error) => log('warn', 'link_cache_refresh_failed', { error: String(error) }),
    render: (search) => renderHere(origin, search),
  });
  return linkCache;
}

/**
 * Only a full-document GET of `/` (with or without a query) is answered from a copy. Next strips its own RSC markers
 * (the `rsc` header, `?_rsc=`) before the proxy sees a request, so a client-side navigation is
 * told apart by what is left: its `next-url` header and a fetch destination other than
 * "document". Clients that send no fetch metadata (curl, load tests, crawlers) get the document.
 */
function isCacheable(request: NextRequest): boolean {
  const { headers } = request;
  const destination = headers.get('sec-fetch-dest');
  return (
    request.method === 'GET' &&
    request.nextUrl.search.length <= LINK_MAX_QUERY &&
    headers.get(BYPASS_HEADER) !== BYPASS_TOKEN &&
    !headers.has('next-url') &&
    !headers.has('rsc') &&
    !headers.has('next-router-state-tree') &&
    !headers.has('next-router-prefetch') &&
    !headers.has('next-action') &&
    (destination === null || destination === 'document')
  );
}

/** A multipart POST whose body does not parse as multipart form data. */
async function malformedForm(request: NextRequest): Promise<boolean> {
  if (request.method !== 'POST') return false;
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) return false;
  try {
    await request.formData();
    return false;
  } catch {
    return true;
  }
}

export async function proxy(request: NextRequest) {
  if (await malformedForm(request)) {
    return NextResponse.json({ error: 'Malformed form data.' }, { status: 400, headers: { 'cache-control': 'no-store' } });
  }
  if (!isCacheable(request)) return NextResponse.next();
  // The server's own loopback address: the Host header may name a front proxy we cannot reach.
  const origin = `http://127.0.0.1:${process.env.PORT || request.nextUrl.port || '3000'}`;
  const search = request.nextUrl.search;
  try {
    const page = search === '' ? await pageCache(origin).get(Date.now()) : await linkPageCache(origin).get(search, Date.now());
    if (page === null) return NextResponse.next(); // a link not asked for before: rendered as usual
    const headers: Array<[string, string]> = [...page.headers, ['x-minerank-cache', search === '' ? 'home' : 'link']];
    // Which snapshot the copy shows (its refresh stamp): the same on every instance once in step.
    if (typeof page.version === 'number') headers.push(['x-minerank-snapshot', String(page.version)]);
    return new NextResponse(page.body, { status: page.status, headers });
  } catch {
    // No copy yet and the loopback render failed: render this request the ordinary way.
    return NextResponse.next();
  }
}

export const config = {
  matcher: [
    '/',
    // A multipart post to any page, to check its body parses (malformedForm); nothing else runs here.
    { source: '/((?!_next/|api/|feeds/).*)', has: [{ type: 'header', key: 'content-type', value: 'multipart/form-data.*' }] },
  ],
};
