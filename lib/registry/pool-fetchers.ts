// Registry pools as snapshot sources: one source per pool site (`pool:<kind>:<host/path>`), asking
// it once per refresh for every registry coin that names it, so one dead pool keeps its last good
// figures (marked stale) and leaves every other source alone, exactly like a coin's own node.
import { emptyPayload, type SourceFetcher } from '@/lib/sources/contract';
import { poolSourceId, type PoolKind } from '@/lib/model/pools';
import { fetchPoolSite, POOL_KIND_LABELS } from '@/lib/sources/pools/index';
import { readPoolSite } from '@/lib/sources/pools/site';
import type { PoolFetchOptions, PoolSite, PoolWanted } from '@/lib/sources/pools/types';
import { poolSiteKey, type PoolSiteEntry, type RegistryEntry } from './schema';

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

/**
 * Pool sites added on the page, one source each (`pool:<kind>:<site>`): every pool the site runs,
 * and a MiningCore site's coins as long-tail coin rows (merged below chains and aggregators).
 * A site the registry's coins already name is read by that source (`taken`), not twice.
 */
export function buildSiteFetchers(
  sites: readonly PoolSiteEntry[],
  options: PoolFetchOptions,
  taken: ReadonlySet<string> = new Set(),
): SourceFetcher[] {
  return sites
    .filter((site) => !taken.has(poolSiteKey(site)))
    .map((site) => ({
      id: poolSourceId(site.kind, site.url),
      name: `${POOL_KIND_LABELS[site.kind]}, every pool`,
      url: site.url,
      fetch: async () => {
        const reading = await readPoolSite(site.kind, site.url, options);
        if (reading.pools.length === 0 && reading.coins.length === 0) {
          throw new Error(`${site.kind}: no readable pool (${reading.skipped.map((s) => `${s.poolId || s.symbol}: ${s.code}`).join('; ') || 'the site lists none'})`);
        }
        return { ...emptyPayload(), pools: reading.pools, coins: reading.coins, heights: reading.heights };
      },
    }));
}

/** The source ids of the pool sites the registry's coins name. */
export function registryPoolSiteIds(entries: readonly RegistryEntry[]): Set<string> {
  return new Set(poolSites(entries).map((site) => poolSourceId(site.kind, site.url)));
}
