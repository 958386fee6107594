// Merged mining (AuxPoW): one parent-chain hash also counts for auxiliary chains that accept it,
// so the same hashrate and power earn the parent's coins plus each auxiliary coin's. A pool must
// build the auxiliary blocks and pay them out; some pay only the parent coin (and may or may not
// raise its rate for the aux value). Facts below are cited where they are kept.

export type AuxPayout = 'paid-separately' | 'converted-to-parent' | 'solo-with-aux-address';

export type MergedPool = {
  name: string;
  /** Aux coins this pool pays (tags); with 'converted-to-parent' it pays the parent only, at a raised rate. */
  pays: readonly string[];
  payout: AuxPayout;
  source: string;
};

export type MergedGroup = {
  /** Parent chain's coin tag and algorithm slug. */
  parent: string;
  algorithm: string;
  /** Auxiliary coin tags, in the order a row lists them. */
  aux: readonly string[];
  source: string;
  pools: readonly MergedPool[];
};

const SPIDERPOOL =
  'SpiderPool fee table (support.spiderpool.com/fees): LTC PPS plus DOGE, BELLS, LKY, PEP, JKC, DOGM and DINGO, each marked "(Merged)", paid PPLNS in their own coin';

export const MERGED_MINING: readonly MergedGroup[] = [
  {
    parent: 'LTC',
    algorithm: 'scrypt',
    aux: ['DOGE', 'BELLS', 'LKY', 'PEP', 'JKC', 'DOGM', 'DINGO'],
    source: `Dogecoin accepts Litecoin's Scrypt work as AuxPoW since 2014 (litecoinpool.org news 2014-09-11 "Merged Mining of Dogecoin"; Ross Nicoll, "1.14 and 1.17 Mining Changes", rnicoll.name: AuxPoW accepts work towards Litecoin and other Scrypt blocks); the other aux coins per ${SPIDERPOOL}`,
    pools: [
      { name: 'SpiderPool', pays: ['DOGE', 'BELLS', 'LKY', 'PEP', 'JKC', 'DOGM', 'DINGO'], payout: 'paid-separately', source: SPIDERPOOL },
      {
        name: 'litecoinpool.org',
        pays: [],
        payout: 'converted-to-parent',
        source: 'litecoinpool.org news 2014-09-11: payouts stay in LTC, the PPS rate is raised for the expected DOGE rewards (started at 125 % PPS)',
      },
      {
        name: 'LiteSolo',
        pays: ['DOGE'],
        payout: 'solo-with-aux-address',
        source: 'litesolo.org: solo merged mining of LTC and DOGE; without a DOGE= address in the password no DOGE is received',
      },
    ],
  },
  {
    parent: 'XMR',
    algorithm: 'randomx',
    aux: ['XTM'],
    source:
      "Tari merge-mines with Monero over RandomX through its merge-mining proxy (tari-project/clythor README: 'RandomX mining for both Monero and Tari', merge mining through an external proxy or base node; tari-project/tari commit 6723dc7, 'add aux chain support for merge mining', following p2pool's merge-mining RPC). Only Tari's RandomX share of blocks is merge-mined; its other proof-of-work algorithm is mined apart",
    pools: [],
  },
];

export function mergedGroupFor(parentTag: string): MergedGroup | undefined {
  return MERGED_MINING.find((g) => g.parent === parentTag.toUpperCase());
}

/** One coin of a combined row (merged: same hashrate on each chain; dual: each algorithm its own hashrate). */
export type Part = {
  tag: string;
  algorithm: string;
  hashrate: number;
  coinsPerDay: number | null;
  revenueUsdPerDay: number | null;
};

/**
 * Revenue of all parts against one power bill: revenue = Σ revenues of the priced parts; profit =
 * revenue − power cost (null when no part has a price). Parts without a price add nothing and are
 * counted apart, so a row can say which ones were left out.
 */
export function combineParts(
  parts: readonly Part[],
  powerCostUsdPerDay: number,
): { revenueUsdPerDay: number | null; profitUsdPerDay: number | null; unpriced: string[] } {
  const priced = parts.filter((p) => p.revenueUsdPerDay !== null && Number.isFinite(p.revenueUsdPerDay));
  const unpriced = parts.filter((p) => !priced.includes(p)).map((p) => p.tag);
  if (priced.length === 0) return { revenueUsdPerDay: null, profitUsdPerDay: null, unpriced };
  const revenue = priced.reduce((sum, p) => sum + (p.revenueUsdPerDay ?? 0), 0);
  const cost = Number.isFinite(powerCostUsdPerDay) && powerCostUsdPerDay > 0 ? powerCostUsdPerDay : 0;
  return { revenueUsdPerDay: revenue, profitUsdPerDay: revenue - cost, unpriced };
}
