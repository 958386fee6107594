// Registry pools as snapshot sources: one source per pool site (`pool:<kind>:<host/path>`), asking
// it once per refresh for every registry coin that names it, so one dead pool keeps its last good
// figures (marked stale) and leaves every other source alone, exactly like a coin's own node.
import { emptyPayload, type SourceFetcher } from '@/lib/sources/contract';
import { poolSourceId, type PoolKind } from '@/lib/model/pools';
import { fetchPoolSite, POOL_KIND_LABELS } from '@/lib/sources/pools/index';
import type { PoolFetchOptions, PoolSite, PoolWanted } from '@/lib/sources/pools/types';
import type { RegistryEntry } from './schema';

/** The pool sites the registry names, each with the coins wanted from it (first mention first). */
export function poolSites(entries: readonly RegistryEntry[]): PoolSite[] {
  const sites = new Map<string, { kind: PoolKind; url: string; wanted: PoolWanted[] }>();
  for (const entry of entries) {
    for (const ref of entry.pools ?? []) {
      const id = poolSourceId(ref.kind, ref.url);
      let site = sites.get(id);
      if (!site) {
        site = { kind: ref.kind, url: ref.url, wanted: [] };
        sites.set(id, site);
      }
      const poolId = ref.poolId ?? null;
      if (site.wanted.some((w) => w.tag === entry.tag && w.poolId === poolId)) continue;
      site.wanted.push({ tag: entry.tag, poolId, feePercent: ref.feePercent ?? null });
    }
  }
  return [...sites.values()];
}

export function buildPoolFetchers(entries: readonly RegistryEntry[], options: PoolFetchOptions): SourceFetcher[] {
  return poolSites(entries).map((site) => ({
    id: poolSourceId(site.kind, site.url),
    name: `${site.wanted.map((w) => w.tag).join(', ')}: ${POOL_KIND_LABELS[site.kind]}`,
    // The schema refuses credentials in the URL, so it can be shown.
    url: site.url,
    fetch: async () => {
      const result = await fetchPoolSite(site, options);
      if (result.pools.length === 0 && result.skipped.length > 0) {
        throw new Error(`${site.kind}: ${result.skipped.map((s) => `${s.tag}: ${s.reason}`).join('; ')}`);
      }
      return { ...emptyPayload(), pools: result.pools };
    },
  }));
}
