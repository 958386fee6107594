// Merged mining (lib/tuning/merged.ts): the sources for each group in MERGED_MINING, by parent tag,
// and the pools that pay its aux coins, each cited. Kept apart from merged.ts so that these
// citations stay on the server: the browser ranks with MERGED_MINING alone.
export type AuxPayout = 'paid-separately' | 'converted-to-parent' | 'solo-with-aux-address';

export type MergedPool = {
  name: string;
  /** Aux coins this pool pays (tags); with 'converted-to-parent' it pays the parent only, at a raised rate. */
  pays: readonly string[];
  payout: AuxPayout;
  source: string;
};

/** Why a merged group (MERGED_MINING, by parent tag) merges, and which pools pay its aux coins. */
export type MergedSource = {
  source: string;
  pools: readonly MergedPool[];
};

const SPIDERPOOL =
  'SpiderPool fee table (support.spiderpool.com/fees): LTC PPS plus DOGE, BELLS, LKY, PEP, JKC, DOGM and DINGO, each marked "(Merged)", paid PPLNS in their own coin';

export const MERGED_SOURCES: Readonly<Record<string, MergedSource>> = {
  LTC: {
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
  XMR: {
    source:
      "Tari merge-mines with Monero over RandomX through its merge-mining proxy (tari-project/clythor README: 'RandomX mining for both Monero and Tari', merge mining through an external proxy or base node; tari-project/tari commit 6723dc7, 'add aux chain support for merge mining', following p2pool's merge-mining RPC). Only Tari's RandomX share of blocks is merge-mined; its other proof-of-work algorithm is mined apart",
    pools: [],
  },
};
