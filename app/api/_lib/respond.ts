// Route-handler helpers: the per-client allowance as a 429, bad params as a 400 naming each one.
import 'server-only';
import { refreshSeconds, takeAllowance } from '@/lib/server/queries';
import type { Snapshot } from '@/lib/model/types';
import { parseDashboardParams, type DashboardState, type ParamError } from '@/lib/url/search-params';

/** 429 with Retry-After when this client has used its API allowance, else null. */
export async function rateLimited(request: Request): Promise<Response | null> {
  const wait = await takeAllowance(request);
  if (wait === null) return null;
  return Response.json(
    { error: `Too many requests: try again in ${wait} s.` },
    { status: 429, headers: { 'retry-after': String(wait), 'cache-control': 'no-store' } },
  );
}

/** 400 with a JSON error naming the first bad param (and listing all of them). */
export function paramErrorResponse(errors: readonly ParamError[]): Response {
  const [first] = errors;
  return Response.json(
    { error: first?.message ?? 'Bad request', param: first?.param ?? null, errors },
    { status: 400, headers: { 'cache-control': 'no-store' } },
  );
}

/**
 * The prelude of an API route that takes the page's params: the per-client allowance, then the
 * params; a Response (429, or 400 naming each bad param) when the request stops here.
 */
export async function parseApiRequest(request: Request): Promise<{ response: Response } | { state: DashboardState }> {
  const limited = await rateLimited(request);
  if (limited) return { response: limited };
  const { state, errors } = parseDashboardParams(new URL(request.url).searchParams);
  if (errors.length > 0) return { response: paramErrorResponse(errors) };
  return { state };
}

/**
 * Cache-Control for an answer built from `snapshot`: fresh until the snapshot's next refresh is
 * due (REFRESH_SECONDS after its asOf), so a cache never holds it past the data it shows. The
 * embedded snapshot, or a live one already due, is revalidated on every use.
 */
export function snapshotCacheControl(snapshot: Pick<Snapshot, 'asOf' | 'mode'>, refreshSeconds: number, now = Date.now()): string {
  const asOf = Date.parse(snapshot.asOf);
  if (snapshot.mode !== 'live' || !Number.isFinite(asOf)) return 'public, max-age=0, must-revalidate';
  const left = Math.floor(refreshSeconds - (now - asOf) / 1000);
  return left > 0 ? `public, max-age=${Math.min(left, refreshSeconds)}` : 'public, max-age=0, must-revalidate';
}

/** The snapshot's Cache-Control under this server's REFRESH_SECONDS. */
export function snapshotCacheHeaders(snapshot: Pick<Snapshot, 'asOf' | 'mode'>): Record<string, string> {
  return { 'cache-control': snapshotCacheControl(snapshot, refreshSeconds()) };
}
