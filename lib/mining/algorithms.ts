// Per-algorithm facts: hashrate unit, device classes, and the difficulty-to-work factor k
// (expected hashes per block = difficulty × k). Sources for k are cited per family; an
// algorithm whose convention we have not verified has k = null, so estimates for its coins
// use the share-of-network form, which needs no k.

export type HashrateUnit = 'H/s' | 'Sol/s' | 'G/s';
export type DeviceClass = 'GPU' | 'CPU' | 'ASIC';

export const DEVICE_CLASSES: readonly DeviceClass[] = ['GPU', 'CPU', 'ASIC'];

export type Algorithm = {
  slug: string;
  name: string;
  unit: HashrateUnit;
  devices: readonly DeviceClass[];
  /** Difficulty-to-work factor k; null where the coin's convention is unverified or multi-chain. */
  workFactor: number | null;
  /** Upstream spellings, compared after `normalizeAlgorithmName`. */
  aliases: readonly string[];
};

/** 2^32: Bitcoin-derived chains (miningcore BitcoinConstants.Pow2x32; WhatToMine 2017 fixture). */
export const POW2_32 = 2 ** 32;
/** 2^13: Equihash 200,9 (zebra work/difficulty.rs PoWLimit; ZEC, ZEN, ZCL in the 2017 fixture). */
export const POW2_13 = 2 ** 13;

const a = (
  slug: string,
  name: string,
  devices: readonly DeviceClass[],
  workFactor: number | null,
  aliases: readonly string[] = [],
  unit: HashrateUnit = 'H/s',
): Algorithm => ({ slug, name, unit, devices, workFactor, aliases });

export const ALGORITHMS: readonly Algorithm[] = [
  // k = 2^32 families (MINING.md; checked against the 2017 fixture: nethash·T/D = 2^32).
  a('sha256d', 'SHA-256d', ['ASIC'], POW2_32, ['sha256', 'sha-256', 'sha256d']),
  a('scrypt', 'Scrypt', ['ASIC'], POW2_32),
  a('x11', 'X11', ['ASIC'], POW2_32),
  a('kawpow', 'KawPow', ['GPU'], POW2_32),
  a('neoscrypt', 'NeoScrypt', ['GPU'], POW2_32),
  a('groestl', 'Groestl', ['GPU'], POW2_32),
  a('myriad-groestl', 'Myriad-Groestl', ['GPU'], POW2_32),
  a('lyra2rev2', 'Lyra2REv2', ['GPU'], POW2_32),
  a('x11gost', 'X11Gost', ['GPU'], POW2_32),
  a('pascal', 'Pascal', ['GPU'], POW2_32),
  a('lbry', 'LBRY', ['GPU'], POW2_32),
  a('blake14r', 'Blake (14r)', ['GPU', 'ASIC'], POW2_32, ['blake14r', 'decred']),
  // k = 1 families (miningcore EthereumJobManager / CryptonoteJobManager; monerod get_info).
  a('ethash', 'Ethash', ['GPU'], 1),
  a('etchash', 'Etchash', ['GPU'], 1),
  a('autolykos2', 'Autolykos2', ['GPU'], 1, ['autolykos', 'autolykos2']),
  a('randomx', 'RandomX', ['CPU'], 1),
  a('cryptonight', 'CryptoNight', ['CPU', 'GPU'], 1),
  a('cryptonight-gpu', 'CryptoNight GPU', ['GPU'], 1, ['cryptonightgpu']),
  a('cryptonight-haven', 'CryptoNight Haven', ['GPU', 'CPU'], 1, ['cryptonighthaven']),
  a('cryptonight-turtle', 'CryptoNight Turtle', ['CPU', 'GPU'], 1, ['cryptonightturtle']),
  a('blake2b', 'Blake (2b)', ['ASIC', 'GPU'], 1, ['blake2b', 'sia']),
  a('octopus', 'Octopus', ['GPU'], 1),
  // Equihash 200,9: k = 8192, hashrate in Sol/s.
  a('equihash', 'Equihash 200,9', ['ASIC'], POW2_13, ['equihash', 'equihash2009'], 'Sol/s'),
  a('equihash-144-5', 'Equihash 144,5 (Zhash)', ['GPU'], null, ['zhash', 'equihash1445'], 'Sol/s'),
  a('equihash-125-4', 'Equihash 125,4 (ZelHash)', ['GPU'], null, ['zelhash', 'equihash1254'], 'Sol/s'),
  a('beamhash', 'BeamHash III', ['GPU'], null, ['beam', 'beamhash', 'beamhashiii'], 'Sol/s'),
  // kHeavyHash: difficulty is relative to 2^255, so k = 2 (kaspa-rest-server get_hashrate.py).
  a('kheavyhash', 'kHeavyHash', ['ASIC'], 2),
  // Blake3 (Alephium) is multi-chain: share of network only (alephium HashRate.scala).
  a('blake3', 'Blake3', ['ASIC', 'GPU'], null),
  a('cuckatoo32', 'Cuckatoo32', ['ASIC'], null, [], 'G/s'),
  a('cuckoocycle', 'Cuckoo Cycle', ['GPU'], null, [], 'G/s'),
  a('cuckoocortex', 'Cuckoo Cortex', ['GPU'], null, [], 'G/s'),
  // Unverified conventions: share-of-network form only.
  a('abelhash', 'AbelHash', ['GPU'], null),
  a('x16rt', 'X16RT', ['GPU'], null),
  a('ghostrider', 'GhostRider', ['CPU'], null),
  a('eaglesong', 'Eaglesong', ['ASIC'], null),
  a('yespower-ltncg', 'Yespower LTNCG', ['CPU'], null, ['yespowerltncg']),
  a('yespower', 'Yespower', ['CPU'], null),
  a('astrobwtv3', 'AstroBWT v3', ['CPU', 'GPU'], null),
  a('dynexsolve', 'DynexSolve', ['GPU'], null),
  a('sha3solidity', 'SHA3 Solidity', ['GPU'], null),
  a('progpowz', 'ProgPowZ', ['GPU'], null),
  a('evrprogpow', 'EvrProgPow', ['GPU'], null),
  a('firopow', 'FiroPow', ['GPU'], null),
  a('pyrinhash', 'PyrinHash', ['GPU'], null),
  a('ethashb3', 'EthashB3', ['GPU'], null),
  a('blake3-ironfish', 'Blake3 (Iron Fish)', ['ASIC', 'GPU'], null, ['blake3ironfish', 'fishhash']),
  // k = 2^32 by the node's GetDifficulty (0x0000ffff over the nBits mantissa, exponent 29):
  // Kylacoin (SHA3d) kylacoin src/rpc/blockchain.cpp at fd9c2d077df430caf4450f6b95d65c49944ccf73.
  a('sha3d', 'SHA3d', ['ASIC', 'GPU'], POW2_32),
  a('blake2s', 'Blake2s', ['ASIC'], null),
  a('karlsenhash', 'KarlsenHash', ['GPU'], null),
  a('argon2d', 'Argon2d', ['CPU'], null),
  a('ocv2', 'OCV2', ['CPU'], null),
  a('nexapow', 'NexaPow', ['GPU'], null),
  a('memehash', 'MemeHash', ['GPU'], null),
  // k = 2^32 by the node's GetDifficulty, as Bitcoin's: Skydoge mainchain src/rpc/blockchain.cpp at
  // 46fc4b0ac9ea3836c779c16a62ff2d365dd5f733.
  a('skydoge', 'Skydoge', ['GPU'], POW2_32),
  a('sha256dt', 'SHA-256dt', ['GPU'], null),
  a('heavyhash', 'HeavyHash', ['GPU'], null),
  // k = 2^32: the node's own GetDifficulty divides 0x0000ffff by the nBits mantissa and shifts to
  // exponent 29, i.e. difficulty 1 is nBits 0x1d00ffff, as in Bitcoin. Radiant (SHA-512/256d):
  // radiant-node src/rpc/blockchain.cpp at 5737e90d7b698a45f20d83b7cf3882cbdd9a5b98; Vertcoin
  // (Verthash): vertcoin-core src/rpc/blockchain.cpp at efc96b71d0f968b672934291e4870fa251a81c5f.
  a('sha512256d', 'SHA-512/256d', ['GPU', 'ASIC'], POW2_32),
  a('verushash', 'VerusHash', ['CPU'], null),
  a('verthash', 'Verthash', ['GPU'], POW2_32),
  a('zilhash', 'ZilHash', ['GPU'], null),
  // Registry coins (lib/registry): named as raptorhash.com's YIIMP /api/currencies spells them
  // (recording of 2025-02-14, Pulsar PLSR and Tuske TSK); difficulty conventions unverified.
  a('curvehash', 'CurveHash', ['CPU'], null),
  a('tuskev1', 'Tuske v1', ['CPU'], null),
];

const BY_SLUG = new Map(ALGORITHMS.map((algo) => [algo.slug, algo]));

/** "Blake (2b)" → "blake2b", "SHA-256" → "sha256", "KHeavyHash" → "kheavyhash". */
export function normalizeAlgorithmName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const BY_ALIAS = new Map<string, Algorithm>();
for (const algo of ALGORITHMS) {
  for (const key of [algo.slug, algo.name, ...algo.aliases]) {
    BY_ALIAS.set(normalizeAlgorithmName(key), algo);
  }
}

export function getAlgorithm(slug: string): Algorithm | undefined {
  return BY_SLUG.get(slug);
}

/** Maps an upstream algorithm name to our catalog entry, or undefined when unknown. */
export function algorithmFromUpstream(name: string): Algorithm | undefined {
  return BY_ALIAS.get(normalizeAlgorithmName(name));
}

export const ALGORITHM_SLUGS: readonly string[] = ALGORITHMS.map((algo) => algo.slug);
