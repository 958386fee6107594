// Per-coin facts the upstreams do not give reliably: the explicit CoinGecko id (tickers
// collide: EVR is both Evrmore and ENEFTIVERSE, FLUX is three coins), the target block time,
// and a difficulty convention that differs from the coin's algorithm family.
// CoinGecko ids checked against the coins/list recording in tests/fixtures (2023-11-01).
import { POW2_32 } from './algorithms';

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
  // Nexa: CNexaParams `consensus.nPowTargetSpacing = 2 * 60`, and GetDifficulty divides 0x0000ffff by
  // the nBits mantissa and shifts to exponent 29 (difficulty 1 = nBits 0x1d00ffff), so k = 2^32
  // (jakubartur/nexa, a GitHub copy of the Nexa node, src/chainparams.cpp and src/rpc/blockchain.cpp
  // at 6b7ecec6cfcba678fe93d3d3ae0f27888cc4a57f).
  NEXA: { coingeckoId: 'nexacoin', blockTimeSeconds: 120, workFactor: POW2_32 },
  RTM: { coingeckoId: 'raptoreum', blockTimeSeconds: 120 },
  ZEPH: { coingeckoId: 'zephyr-protocol', blockTimeSeconds: 120 },
  FIRO: { coingeckoId: 'zcoin', blockTimeSeconds: 300 },
  BTG: { coingeckoId: 'bitcoin-gold', blockTimeSeconds: 600 },
  BEAM: { coingeckoId: 'beam', blockTimeSeconds: 60 },
  GRIN: { coingeckoId: 'grin', blockTimeSeconds: 60 },
  // Verus (VerusHash): DEFAULT_BLOCKTIME_TARGET = 60 "in seconds" (src/pbaas/crosschainrpc.h; nPowTargetSpacing =
  // nBlockTime, src/chainparams.cpp), counting PoW and PoS blocks alike (ASSETCHAINS_LWMAPOS = 50, "percentage of
  // blocks should be PoS", src/komodo_utils.h). GetDifficultyINTERNAL (src/rpc/blockchain.cpp) is relative to the
  // compact powLimit "0f0f0f0f…" (mainnet chainparams), i.e. 0x0f0f0f × 2^232, so k = 2^256 / (0x0f0f0f × 2^232)
  // = 2^24 / 0x0f0f0f = 17.000001 hashes per unit of difficulty; a PoW block takes D × k hashes whatever the PoS
  // blocks between (VerusCoin/VerusCoin at b67f63af93403980d26ceff69f550e7103bbb2ad).
  VRSC: { coingeckoId: 'verus-coin', blockTimeSeconds: 60, workFactor: 2 ** 24 / 0x0f0f0f },
  DNX: { coingeckoId: 'dynex' },
  IRON: { coingeckoId: 'iron-fish', blockTimeSeconds: 60 },
  // Conflux (Octopus): `TARGET_AVERAGE_BLOCK_GENERATION_PERIOD: u64 = 500000` microseconds, "We target two
  // blocks per second" (crates/parameters/src/lib.rs, pow module), and a block is valid when its hash is
  // below the boundary difficulty_to_boundary(D) = 2^256 / D (crates/cfxcore/pow/src/lib.rs), so a block
  // takes D hashes: k = 1 (Conflux-Chain/conflux-rust at 3790f62a7bfc24ffecbfec55d9882aa73bd3c4d3).
  CFX: { coingeckoId: 'conflux-token', blockTimeSeconds: 0.5, workFactor: 1 },
  CKB: { coingeckoId: 'nervos-network' },
  KDA: { coingeckoId: 'kadena' },
  XHV: { coingeckoId: 'haven', blockTimeSeconds: 120 },
  ZANO: { coingeckoId: 'zano', blockTimeSeconds: 120 },
  // OctaSpace (Ethash, k 1): the official staking docs count blocks "if block time is always 15
  // seconds": 5,760 a day (https://octa.space/docs/cryptocurrency/staking/). Its geth difficulty
  // formula has no explicit target, so this documented figure is the one we have.
  OCTA: { coingeckoId: 'octaspace', blockTimeSeconds: 15 },
  DGB: { coingeckoId: 'digibyte' },
  NIM: { coingeckoId: 'nimiq-2' },
  CTXC: { coingeckoId: 'cortex' },
  AE: { coingeckoId: 'aeternity' },
  // Abelian: getDifficultyRatio (rpcserver.go) divides CompactToBig(PowLimitBits) by the block's target, with
  // mainnet PowLimitBits 0x1d017c38 (chaincfg/params.go, unchanged since the 2022-04-17 pre-release), and a block
  // is valid when its (Ethash seal) hash is at most the target (blockchain/validate.go checkProofOfWork,
  // consensus/ethash VerifySeal): hashes per block D × 2^256 / (0x017c38 × 2^208), so k = 2^48 / 0x017c38 =
  // 2,891,786,972 = 0.6733 × 2^32 (pqabelian/abec at 3ba1aeb14fc82d44933403f314a9ce4421b6efcd). The block time is
  // left out on purpose: TargetTimePerBlock is 256 s and CalcBlockSubsidy 256 ABEL (era 1), but the recording's
  // emission (55,973.8 a day) is 218.6 such blocks, so emission × 256 / 86,400 would give 165.9 ABEL, not 256; the
  // share of its N (= D × k / 395 s) × that emission equals H × 86,400 × 256 / (D × k) within 0.01 %.
  ABEL: { coingeckoId: 'abelian', workFactor: 2 ** 48 / 0x017c38 },
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
  // KawPow Ravencoin forks, mainnet `consensus.nPowTargetSpacing = 1 * 60` (k 2^32 by KawPow, whose
  // GetDifficulty in each node is relative to nBits 0x1d00ffff): GamePass, GamepassNetwork/GamepassClassic
  // src/chainparams.cpp at b4f8d550b614f1407d1c263bca92d41e028eedcc; Paprikacoin, paprika-network/paprikacoin
  // at 7327be84a4a135f4c4d8eaa8ca535e9877045465; SatoxCoin, satoverse/satoxcoin at
  // 392e820ad27c3f8fcf3625ed1744015a4e213e17.
  GPN: { blockTimeSeconds: 60 },
  PAPRY: { blockTimeSeconds: 60 },
  SATOX: { blockTimeSeconds: 60 },
  // Netsis (X11, a Dash fork): mainnet `consensus.nPowTargetSpacing = 5 * 60` (n3tsis/netsis
  // src/chainparams.cpp at dab695b255b4d0a04f657bb15e11aed65912a11d; its validation.cpp pays 500 NET
  // halved every 210,000 blocks less 7 % to superblocks: 250 × 0.93 × 288 blocks = 66,960 a day, the
  // recording's emission).
  NET: { blockTimeSeconds: 300 },
  // Novo (SHA256DT): mainnet `consensus.nPowTargetSpacing = 150` (release notes 0.1.0: "The block
  // interval is set to 150 seconds"), GetDifficulty relative to nBits 0x1d00ffff, so k = 2^32
  // (0thc/novobitcoin, a copy of the Novo 0.1 source, src/chainparams.cpp, src/rpc/blockchain.cpp and
  // doc/release-notes/release-notes-0.1.0.md at 8ad32bc76dbdc0023cd844bc2c569e42102373d4).
  NOVO: { blockTimeSeconds: 150, workFactor: POW2_32 },
  // KiiroCoin (FiroPow, a Firo fork): GetTargetBlocksSpacing is nPowTargetSpacingMTP = 5 * 60 and, from
  // stage3StartTime 1689499903 (2023-07-16T09:31:43Z), nPowTargetSpacingMTP / 2 = 150 s; GetDifficulty
  // relative to nBits 0x1d00ffff, so k = 2^32 (Kiirocoin/kiiro src/primitives/block.cpp,
  // src/chainparams.cpp and src/rpc/blockchain.cpp at ba4554700f9f17751856c039df9fe5da41372da6).
  // Bitnet (Ethash, k 1): "Average Block Time: 15s", "Emission: 1 BTN/block" (official economics page,
  // https://bitnet.money/economics/; the recording's 5,760 BTN a day is 5,760 blocks of 1 BTN).
  BTN: { blockTimeSeconds: 15 },
  // NiRmata (ProgPowZ, a Zano-family node): `DIFFICULTY_POW_TARGET 60 // seconds` (PoW blocks; PoS blocks
  // have their own 60 s target) and check_hash accepts a hash when hash × difficulty ≤ 2^256, so a PoW
  // block takes D hashes: k = 1 (NirmataNetwork/NirmataCore src/currency_core/currency_config.h and
  // src/currency_core/difficulty.cpp at 0eb800ddbed4fbaf76b31d5188d9487db6fd0de8; CURRENCY_BLOCK_REWARD
  // 1.618 × 1,440 = the recording's 2,329.92 a day).
  NIR: { blockTimeSeconds: 60, workFactor: 1 },
  // Ocvcoin: nPowTargetSpacing = 5 * 60 (kernel/chainparams.cpp of v26.0, ocvcoin/ocvcoin at
  // 8b49a5ab6d1623f8b35611ae76f0955a7aeabe15); 50 OCV × 288 blocks = the recording's 14,400 a day.
  OCV: { blockTimeSeconds: 300 },
  // PepePow: nPowTargetSpacing = 20 (chainparams.cpp, MattF42/PePe-core at
  // 5e516219eb74f4f8f7ef634c9fca3595e6eda6b2; "4320 blocks per day" in validation.cpp); 5,000 PEPEW × 4,320
  // blocks = the recording's 21,600,000 a day.
  PEPEW: { blockTimeSeconds: 20 },
  // BLOCX: GetCurrentPowTargetSpacing (src/consensus/params.h) is nPowTargetSpacing = 3 * 60 until block 87,600,
  // nNewPowTargetSpacing = 90 "1.5 minutes" above it (nNewPowTargetSpacingForkHeight 87600, set in the commit
  // "Finalization" of 2024-01-23), and nAutolykosPowTargetSpacing = 60 above AutolykosForkHeight 283,000, where it
  // leaves X11 for Autolykos (mainnet src/chainparams.cpp, BLOCXTECH/BLOCX at 83328b70e94742268ca584639b900c984c7fe966).
  // Heights have no dates here: 90 s counts from 2024-02-12 (the commit that checkpoints block 95,194, as the
  // split in reward-splits.ts does), 60 s from 2024-09-01 (v4.0.0, the commit that sets the Autolykos height,
  // so the fork is no earlier). GetBlockSubsidy's 150 BLOCX (blocks after 87,500 up to 172,000, src/validation.cpp)
  // × 960 blocks of 90 s = the recording's 144,000 a day.
  BLOCX: {
    blockTimeSeconds: 180,
    blockTimeChanges: [
      { since: '2024-02-12T00:00:00Z', seconds: 90 },
      { since: '2024-09-01T00:00:00Z', seconds: 60 },
    ],
  },
  KIIRO: { blockTimeSeconds: 300, blockTimeChanges: [{ since: '2023-07-16T09:31:43Z', seconds: 150 }], workFactor: POW2_32 },
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
