// Per-coin facts the upstreams do not give reliably: the explicit CoinGecko id (tickers
// collide: EVR is both Evrmore and ENEFTIVERSE, FLUX is three coins), the target block time,
// and a difficulty convention that differs from the coin's algorithm family.
// CoinGecko ids checked against the coins/list recording in tests/fixtures (2023-11-01).

export type CoinFacts = {
  /** CoinGecko API id; absent where the coin has no listing we could verify. */
  coingeckoId?: string;
  /** Target block time in seconds; changes are listed with the ISO date they took effect. */
  blockTimeSeconds?: number;
  blockTimeChanges?: ReadonlyArray<{ since: string; seconds: number }>;
  /** Per-coin k where the coin defines difficulty unlike its algorithm family. */
  workFactor?: number | null;
};

export const COIN_FACTS: Readonly<Record<string, CoinFacts>> = {
  BTC: { coingeckoId: 'bitcoin', blockTimeSeconds: 600 },
  BCH: { coingeckoId: 'bitcoin-cash', blockTimeSeconds: 600 },
  LTC: { coingeckoId: 'litecoin', blockTimeSeconds: 150 },
  DOGE: { coingeckoId: 'dogecoin', blockTimeSeconds: 60 },
  DASH: { coingeckoId: 'dash', blockTimeSeconds: 150 },
  RVN: { coingeckoId: 'ravencoin', blockTimeSeconds: 60 },
  ERG: { coingeckoId: 'ergo', blockTimeSeconds: 120 },
  // Kaspa: 1 block/s until the Crescendo hard fork (2025-05-05), 10 blocks/s since.
  KAS: { coingeckoId: 'kaspa', blockTimeSeconds: 1, blockTimeChanges: [{ since: '2025-05-05T00:00:00Z', seconds: 0.1 }] },
  // Alephium is 16 chains: its estimates use the share of network, never one chain's block time.
  ALPH: { coingeckoId: 'alephium', workFactor: null },
  ETC: { coingeckoId: 'ethereum-classic', blockTimeSeconds: 13 },
  ETHW: { coingeckoId: 'ethereum-pow-iou', blockTimeSeconds: 13 },
  XMR: { coingeckoId: 'monero', blockTimeSeconds: 120 },
  ZEC: { coingeckoId: 'zcash', blockTimeSeconds: 75 },
  ZEN: { coingeckoId: 'zencash', blockTimeSeconds: 150 },
  // Equihash coins with their own difficulty convention (WhatToMine 2017: nethash·T/D = 16 and 2).
  KMD: { coingeckoId: 'komodo', blockTimeSeconds: 60, workFactor: 16 },
  HUSH: { coingeckoId: 'hush', blockTimeSeconds: 150, workFactor: 2 },
  ZCL: { blockTimeSeconds: 150 },
  FLUX: { coingeckoId: 'zelcash' },
  CLORE: { coingeckoId: 'clore-ai', blockTimeSeconds: 60 },
  NEOX: { coingeckoId: 'neoxa', blockTimeSeconds: 60 },
  XNA: { coingeckoId: 'neurai', blockTimeSeconds: 60 },
  MEWC: { coingeckoId: 'meowcoin', blockTimeSeconds: 60 },
  RXD: { coingeckoId: 'radiant', blockTimeSeconds: 300 },
  NEXA: { coingeckoId: 'nexacoin', blockTimeSeconds: 120 },
  RTM: { coingeckoId: 'raptoreum', blockTimeSeconds: 120 },
  ZEPH: { coingeckoId: 'zephyr-protocol', blockTimeSeconds: 120 },
  FIRO: { coingeckoId: 'zcoin', blockTimeSeconds: 300 },
  BTG: { coingeckoId: 'bitcoin-gold', blockTimeSeconds: 600 },
  BEAM: { coingeckoId: 'beam', blockTimeSeconds: 60 },
  GRIN: { coingeckoId: 'grin', blockTimeSeconds: 60 },
  VRSC: { coingeckoId: 'verus-coin', blockTimeSeconds: 60 },
  DNX: { coingeckoId: 'dynex' },
  IRON: { coingeckoId: 'iron-fish', blockTimeSeconds: 60 },
  CFX: { coingeckoId: 'conflux-token' },
  CKB: { coingeckoId: 'nervos-network' },
  KDA: { coingeckoId: 'kadena' },
  XHV: { coingeckoId: 'haven', blockTimeSeconds: 120 },
  ZANO: { coingeckoId: 'zano', blockTimeSeconds: 120 },
  OCTA: { coingeckoId: 'octaspace' },
  DGB: { coingeckoId: 'digibyte' },
  NIM: { coingeckoId: 'nimiq-2' },
  CTXC: { coingeckoId: 'cortex' },
  AE: { coingeckoId: 'aeternity' },
  ABEL: { coingeckoId: 'abelian' },
  DERO: { coingeckoId: 'dero' },
  VTC: { coingeckoId: 'vertcoin', blockTimeSeconds: 150 },
  ZIL: { coingeckoId: 'zilliqa' },
  SC: { coingeckoId: 'siacoin', blockTimeSeconds: 600 },
  DCR: { coingeckoId: 'decred', blockTimeSeconds: 300 },
  GRS: { coingeckoId: 'groestlcoin', blockTimeSeconds: 60 },
  MONA: { coingeckoId: 'monacoin', blockTimeSeconds: 90 },
  FTC: { coingeckoId: 'feathercoin', blockTimeSeconds: 60 },
  SUMO: { coingeckoId: 'sumokoin' },
  LBC: { coingeckoId: 'lbry-credits' },
  PASC: { coingeckoId: 'pascalcoin' },
  UBQ: { coingeckoId: 'ubiq' },
  EXP: { coingeckoId: 'expanse' },
  // Block times from mainnet chainparams (nPowTargetSpacing): Obsidian "1.2 * 60" (ObsidianCoreCoin/
  // Obsidiancoin at c9500e9a), Skydoge 60 (skydogenet/mainchain at 46fc4b0a), Kylacoin 60 "one minute"
  // (kylacoin/kylacoin src/kernel/chainparams.cpp at fd9c2d07).
  OBN: { blockTimeSeconds: 72 },
  SKYDOGE: { blockTimeSeconds: 60 },
  KCN: { blockTimeSeconds: 60 },
  // DigiByte mines five algorithms, each at "multiAlgoTargetSpacingV4 = 15*5; // NUM_ALGOS * 15 seconds"
  // (DigiByte-Core/digibyte src/chainparams.cpp at 47da24a5): its SHA-256 chain's own block time is 75 s.
  'DGB-SHA': { blockTimeSeconds: 75 },
  // Dingocoin: nPowTargetSpacing = 60 "1 minute" (dingocoin/dingocoin src/chainparams.cpp at fab48634).
  DINGO: { blockTimeSeconds: 60 },
  // Dinartether: nPowTargetSpacing = 1 * 60 (Dinartether/Dinartether src/chainparams.cpp at 7bf5948f).
  DINT: { blockTimeSeconds: 60 },
};

export function getCoinFacts(tag: string): CoinFacts {
  return COIN_FACTS[tag.toUpperCase()] ?? {};
}

/** The target block time in force at `at` (ISO), or undefined when we do not know it. */
export function targetBlockTimeSeconds(tag: string, at: string): number | undefined {
  const facts = getCoinFacts(tag);
  let seconds = facts.blockTimeSeconds;
  for (const change of facts.blockTimeChanges ?? []) {
    if (Date.parse(at) >= Date.parse(change.since)) seconds = change.seconds;
  }
  return seconds;
}

/** Every CoinGecko id the price adapter asks for, in one request. */
export function coingeckoIds(): string[] {
  return [...new Set(Object.values(COIN_FACTS).flatMap((f) => (f.coingeckoId ? [f.coingeckoId] : [])))].sort();
}
