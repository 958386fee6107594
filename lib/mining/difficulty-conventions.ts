// Each source's conventions, per coin: what its difficulty means (the work factor k, hashes per
// block = D × k) and what its reward figure means (the whole block or the miner's part). The same
// coin's difficulty differs between sources (Kaspa's node reports k = 2, hashrate.no, like minerstat,
// the 2^32 pool-share convention), so k belongs to the source and coin, not to the algorithm alone.
// minerstat is not a source here yet; when it becomes one, its Kaspa k (2^32) goes in the table.
// Pure: codes in, numbers out.
import { POW2_32 } from './algorithms';

/** The kinds of source whose conventions differ; a coin's own chain (node, explorer, pool) is one kind. */
export const CONVENTION_SOURCES = ['chain', 'whattomine', 'hashrateno'] as const;
export type ConventionSource = (typeof CONVENTION_SOURCES)[number];

/** What a source's block reward (or daily emission) figure counts. */
export type RewardBasis = 'whole' | 'miner';

type Cited<T> = { value: T; sourceUrl: string };

/** The hashrate.no /v1/coins recording of 2024-03-16 (the embedded snapshot; tests/fixtures/README.md). */
const HASHRATENO_RECORDING =
  'https://github.com/TheRetroMike/OspreyE300ProfitSwitcher/blob/28210790e8f32a2e4625893757aae46721fc3aa4/OspreyE300ProfitSwitcher/bin/Debug/net6.0/hashratedata.json';

/**
 * k per source and coin, where it differs from the algorithm's (lib/mining/algorithms.ts, which is
 * the chain's own convention). Evidence is either the source's documentation or its own figures:
 * reported network hashrate × target block time / difficulty.
 */
export const DIFFICULTY_CONVENTIONS: Readonly<Partial<Record<ConventionSource, Readonly<Record<string, Cited<number>>>>>> = {
  chain: {
    // The node's difficulty is relative to 2^255: hashrate = D × 2 × blocks per second.
    KAS: { value: 2, sourceUrl: 'https://github.com/supertypo/kaspa-rest-server/blob/main/endpoints/get_hashrate.py' },
  },
  hashrateno: {
    // Recording of 2024-03-16: networkHashrate 1.8375e17 H/s × 1 s / networkDifficulty 43,494,000
    // = 4.22e9 = 0.984 × 2^32 (Kaspa was 1 block/s then).
    KAS: { value: POW2_32, sourceUrl: HASHRATENO_RECORDING },
  },
};

/** The work factor a source's difficulty implies for a coin, or undefined to use the chain's own. */
export function sourceWorkFactor(source: ConventionSource, tag: string): number | undefined {
  return DIFFICULTY_CONVENTIONS[source]?.[tag.toUpperCase()]?.value;
}

/**
 * What each source's reward figure counts, with the evidence:
 * - WhatToMine `block_reward` is the miner's part: its 2017 recording gives ZEC 10.0 while the
 *   block was 12.5 with a 20 % founders' reward (protocol spec §7.8), and ZEN 11.0 of 12.5.
 * - hashrate.no `emission` is coins issued per day (RVN: 1,440 blocks × 2,500 = 3,600,000 in the
 *   recording), but for some coins only the miner's part (below).
 * - A coin's own chain: bitcoind's `coinbasevalue` is the whole coinbase ("including the generation
 *   award and transaction fees", Dash Core docs); its payee entries are subtracted where listed
 *   (lib/sources/chain/bitcoin-rpc.ts). A YIIMP pool's `reward` is the coinbase value after the
 *   masternode, superblock and founder payees (yiimp stratum/coinbase.cpp), so the miner's part;
 *   its adapter says so on each coin it returns. Monero's `reward` is the whole coinbase, all the miner's.
 */
export const SOURCE_REWARD_BASIS: Readonly<Record<ConventionSource, Cited<RewardBasis>>> = {
  chain: {
    value: 'whole',
    sourceUrl: 'https://github.com/dashpay/docs/blob/db9cca9ac0e6e15166bb49fadb30e415cba2d84d/docs/core/api/remote-procedure-calls-mining.md',
  },
  whattomine: { value: 'miner', sourceUrl: 'https://github.com/Umercia/Whattomine/blob/30a40de208c669b9437cb16863881d3d1de7c869/coins.json' },
  hashrateno: { value: 'whole', sourceUrl: HASHRATENO_RECORDING },
};

/** Per-coin exceptions to a source's reward basis. */
export const COIN_REWARD_BASIS: Readonly<Partial<Record<ConventionSource, Readonly<Record<string, Cited<RewardBasis>>>>>> = {
  hashrateno: {
    // Recording of 2024-03-16: emission 3,294,920 NEOX/day, while 1,440 blocks × 5,000 NEOX = 7,200,000
    // is issued (whitepaper); 45 % of it, the miner's part, is 3,240,000 (the rest are fees).
    NEOX: { value: 'miner', sourceUrl: 'https://neoxa.net/whitepaper/' },
    // Recording of 2024-03-16: emission 21,600 ERG/day = 720 blocks × 30, the miner's part: the emission
    // R was 42 ERG then (75 − 3 per 64,800 blocks; epoch 11 by the anchors in halvings.ts), and from block
    // 777,217 EIP-27 sends 12 ERG of each R ≥ 15 ERG to the re-emission contract.
    ERG: { value: 'miner', sourceUrl: 'https://github.com/ergoplatform/eips/blob/d0c4b622afd2326a0197e09434468922d636c457/eip-0027.md' },
    // Recording of 2024-03-16: emission 13,248 OCTA/day = 5,760 blocks (15 s) × 2.30, the miner's
    // blockReward of the Mahasim era (block 3,000,000 on); the era's 2.30 to node staking and 0.40 to
    // development (accumulateRewards) are not in it.
    OCTA: {
      value: 'miner',
      sourceUrl: 'https://github.com/octaspace/go-octa/blob/c54b3ee9bd099ed46d494f00f48902362bc87d74/consensus/ethash/consensus.go',
    },
    // Recording of 2024-03-16: emission 47,633.76 XPB/day = 7,200 blocks (12 s) × 6.6158, the miner's
    // 9 × 0.95^6 = 6.6156 XPB (MinerBlockReward 9e18 less 5 % every 200,000 blocks, accumulateRewards);
    // the fixed 2 XPB a block to the development fund until block 2,000,001 is not in it.
    XPB: {
      value: 'miner',
      sourceUrl: 'https://github.com/PowBlocks/go-PowBlocks/blob/e29437bb1cf33d2ae113fb2866137bf6f9fbf57b/consensus/ethash/consensus.go',
    },
  },
};

export function rewardBasisOf(source: ConventionSource, tag: string): RewardBasis {
  return COIN_REWARD_BASIS[source]?.[tag.toUpperCase()]?.value ?? SOURCE_REWARD_BASIS[source].value;
}
