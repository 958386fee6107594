// Pool sites: one entry point that dispatches on the pool software. Each adapter makes its
// requests through the guarded request of the chain sources (SSRF guard, timeout, size cap).
import { fetchCryptonotePool } from './cryptonote-pool';
import { fetchMiningCore } from './miningcore';
import { fetchNomp } from './nomp';
import type { PoolFetchOptions, PoolSite, PoolSiteResult } from './types';
import { fetchYiimpPool } from './yiimp';

export const POOL_KIND_LABELS = {
  miningcore: 'MiningCore pool (/api/pools)',
  nomp: 'NOMP / s-nomp pool (/api/stats)',
  'cryptonote-pool': 'cryptonote-nodejs-pool (/stats)',
  yiimp: 'YIIMP-style pool (/api/currencies)',
} as const;

/** Asks the site once (MiningCore: once plus one blocks request per wanted pool, in turn); throws UpstreamError, SchemaError or AddressRefusedError. */
export async function fetchPoolSite(site: PoolSite, opts: PoolFetchOptions): Promise<PoolSiteResult> {
  switch (site.kind) {
    case 'miningcore':
      return fetchMiningCore(site, opts);
    case 'nomp':
      return fetchNomp(site, opts);
    case 'cryptonote-pool':
      return fetchCryptonotePool(site, opts);
    case 'yiimp':
      return fetchYiimpPool(site, opts);
  }
}
