// NiceHash public GET /main/api/v2/public/simplemultialgo/info: the hash-rental marketplace's
// current price ("paying") and speed per algorithm, for the rental-attack cost in lib/risk/risk.ts.
//
// THE UNIT OF `paying` (pinned by tests/unit/sources/nicehash.test.ts):
// - REST `paying` is SATOSHI per base unit (H/s, Sol/s or G/s) per day, so BTC per H/s per day =
//   paying × 1e-8. NiceHash's own developer page annotates the field `"paying":"0.0000286"
//   //paying (sat/[H/Sol/G]/day)` (nicehash.com/software-developers); UG-Miner divides it by
//   100000000 to get BTC per H/s per day (UselessGuru/UG-Miner Pools/NiceHash.ps1, `$Divisor`).
// - The miner websocket's `sma` message (the recording in tests/fixtures) carries the same prices
//   as BTC per GH/s per day: NiceHashMiner multiplies it by `Mult = 0.000000001`, "Used for
//   converting SMA values to BTC/H/Day", times speeds in H/s (nicehash/NiceHashMiner
//   src/NHMCore/Mining/AlgorithmContainer.cs; a maintainer in NiceHashMiner-Archived issue #543:
//   "that API always returns GH/s"). So sma = 10 × REST for the same price; a NiceHashMiner fork
//   that fed REST values into its sma code multiplied them by 10 (angelbbs/NiceHashMinerLegacy
//   NiceHashMiner/Stats/NiceHashStats.cs, GetSmaAPICurrent, `miningAlgorithms.paying*10`).
// - Market check: the recorded DaggerHashimoto sma value 8.7230958832e-04 BTC/GH/day is
//   8.7e-7 BTC per MH/s per day, inside what 1 MH/s of Ethash earned in 2021–22 (about 5e-7 to
//   4e-6 BTC a day); read as satoshi per H/s it would be 8.7e-6 (above that range) and read as
//   BTC per MH/s it would be 8.7e-4 (tens of dollars a day per MH/s). RandomX checks out the same way.
// - Dissent: nuxhash multiplies REST `paying` by 1e-9 ("GH -> H/s/day"), 10× below the above.
//
// `speed` is the hashrate working on the marketplace now, in a per-algorithm unit that the
// response does not state. The factors in NICEHASH_SPEED_UNITS come from a 2019-era REST body kept in
// a comment in the same angelbbs file, compared with `s` (H/s) of stats/global/current beside
// it; algorithms without such evidence get rentableHashrate null, never a guessed unit.
import { z } from 'zod';

import { getAlgorithm } from '@/lib/mining/algorithms';
import { fetchJson } from './http';
import { parseEntries, parseOrThrow, upstreamNumber } from './parse';
import type { SourceResult } from '@/lib/sources/contract';

export const NICEHASH_DEFAULT_URL = 'https://api2.nicehash.com';
export const NICEHASH_SIMPLEMULTIALGO_PATH = '/main/api/v2/public/simplemultialgo/info';

/** REST `paying` (satoshi per H/s per day) → BTC per H/s per day. */
export const REST_PAYING_TO_BTC_PER_HASH_PER_DAY = 1e-8;
/** Websocket `sma` paying (BTC per GH/s per day) → BTC per H/s per day (NiceHashMiner's Mult). */
export const SMA_PAYING_TO_BTC_PER_HASH_PER_DAY = 1e-9;

/** NiceHash algorithm name (REST `algorithm`) → our slug in lib/mining/algorithms.ts. Others are skipped. */
export const NICEHASH_ALGORITHMS: Readonly<Record<string, string>> = {
  SCRYPT: 'scrypt',
  SHA256ASICBOOST: 'sha256d',
  X11: 'x11',
  DAGGERHASHIMOTO: 'ethash',
  ETCHASH: 'etchash',
  KAWPOW: 'kawpow',
  AUTOLYKOS: 'autolykos2',
  RANDOMXMONERO: 'randomx',
  KHEAVYHASH: 'kheavyhash',
  ALEPHIUM: 'blake3',
  EQUIHASH: 'equihash',
  ZHASH: 'equihash-144-5',
  ZELHASH: 'equihash-125-4',
  BEAMV3: 'beamhash',
  OCTOPUS: 'octopus',
  GRINCUCKATOO32: 'cuckatoo32',
  CUCKOOCYCLE: 'cuckoocycle',
  EAGLESONG: 'eaglesong',
  VERUSHASH: 'verushash',
  NEOSCRYPT: 'neoscrypt',
  LYRA2REV2: 'lyra2rev2',
  LBRY: 'lbry',
  DECRED: 'blake14r',
  PASCAL: 'pascal',
  X11GOST: 'x11gost',
};

/**
 * NiceHash algorithm ids (the `sma` message's first element) → REST name: NiceHashMiner's
 * AlgorithmType enum (src/NHM.Common/Enums/AlgorithmType.cs), upper-cased as the REST API spells it.
 */
export const NICEHASH_ALGORITHM_IDS: Readonly<Record<number, string>> = {
  0: 'SCRYPT', 1: 'SHA256', 2: 'SCRYPTNF', 3: 'X11', 4: 'X13', 5: 'KECCAK', 6: 'X15', 7: 'NIST5',
  8: 'NEOSCRYPT', 9: 'LYRA2RE', 10: 'WHIRLPOOLX', 11: 'QUBIT', 12: 'QUARK', 13: 'AXIOM', 14: 'LYRA2REV2',
  15: 'SCRYPTJANENF16', 16: 'BLAKE256R8', 17: 'BLAKE256R14', 18: 'BLAKE256R8VNL', 19: 'HODL',
  20: 'DAGGERHASHIMOTO', 21: 'DECRED', 22: 'CRYPTONIGHT', 23: 'LBRY', 24: 'EQUIHASH', 25: 'PASCAL',
  26: 'X11GOST', 27: 'SIA', 28: 'BLAKE2S', 29: 'SKUNK', 30: 'CRYPTONIGHTV7', 31: 'CRYPTONIGHTHEAVY',
  32: 'LYRA2Z', 33: 'X16R', 34: 'CRYPTONIGHTV8', 35: 'SHA256ASICBOOST', 36: 'ZHASH', 37: 'BEAM',
  38: 'GRINCUCKAROO29', 39: 'GRINCUCKATOO31', 40: 'LYRA2REV3', 41: 'MTP', 42: 'CRYPTONIGHTR',
  43: 'CUCKOOCYCLE', 44: 'GRINCUCKAROOD29', 45: 'BEAMV2', 46: 'X16RV2', 47: 'RANDOMXMONERO',
  48: 'EAGLESONG', 49: 'CUCKAROOM', 50: 'GRINCUCKATOO32', 51: 'HANDSHAKE', 52: 'KAWPOW',
  53: 'CUCKAROO29BFC', 54: 'BEAMV3', 55: 'CUCKAROOZ29', 56: 'OCTOPUS', 57: 'AUTOLYKOS', 58: 'ZELHASH',
  59: 'KADENA', 60: 'ETCHASH', 61: 'VERUSHASH', 62: 'KHEAVYHASH',
};

/**
 * REST `speed` unit in base units, where a recording pins it: the 2019-era body's speed against
 * stats/global/current `s` in H/s (EQUIHASH 93,243,188 vs 92,562,377 Sol/s; SHA256ASICBOOST
 * 25,169 vs 22,669 TH/s; X11 46.4e6 vs 40.2e6 MH/s; LBRY 3,037 vs 2,885 GH/s; …). The next unit
 * up or down is 1000× off for each. DAGGERHASHIMOTO matched no unit, so it has none here.
 */
export const NICEHASH_SPEED_UNITS: Readonly<Record<string, number>> = {
  EQUIHASH: 1,
  ZHASH: 1,
  SCRYPT: 1e6,
  X11: 1e6,
  NEOSCRYPT: 1e6,
  LYRA2REV2: 1e6,
  LBRY: 1e9,
  DECRED: 1e9,
  SHA256ASICBOOST: 1e12,
};

export type NiceHashPrice = {
  /** Our algorithm slug. */
  algorithm: string;
  /** NiceHash's name for it, e.g. "DAGGERHASHIMOTO". */
  niceHashAlgorithm: string;
  /** What NiceHash pays sellers (≈ what renting costs) in BTC per H/s (Sol/s, G/s) per day; 0 = no orders. */
  payingBtcPerHashPerDay: number;
  /** Hashrate on the marketplace now, in H/s (Sol/s, G/s); null when the response or its unit does not say. */
  rentableHashrate: number | null;
};

/** One algorithm in the REST response; numbers arrive as strings. */
export const niceHashAlgorithmSchema = z.object({
  algorithm: z.string().min(1),
  title: z.string().optional(),
  /** In the algorithm's own unit (NICEHASH_SPEED_UNITS). */
  speed: upstreamNumber.nullable().optional(),
  /** Satoshi per H/s (Sol/s, G/s) per day. */
  paying: upstreamNumber.nullable(),
});

export const niceHashSimpleMultiAlgoSchema = z.object({ miningAlgorithms: z.array(z.unknown()) });

/** The miner websocket's `sma` push: `[algorithmId, paying]` pairs, paying in BTC per GH/s per day. */
export const niceHashSmaMessageSchema = z.object({
  method: z.literal('sma'),
  data: z.array(z.tuple([z.number().int(), upstreamNumber.nullable()])),
  stable: z.string().optional(),
});

const SOURCE = 'nicehash';

type Skipped = SourceResult<unknown>['skipped'];

/** Maps one priced entry to our shape, or records why it cannot be used. */
function toPrice(
  name: string,
  paying: number | null,
  payingFactor: number,
  rentableHashrate: number | null,
  seen: Set<string>,
  skipped: Skipped,
): NiceHashPrice | null {
  const slug = NICEHASH_ALGORITHMS[name.toUpperCase()];
  if (slug === undefined || getAlgorithm(slug) === undefined) {
    skipped.push({ name, reason: `unknown NiceHash algorithm "${name}"` });
    return null;
  }
  if (paying === null) {
    skipped.push({ name, reason: 'no paying value' });
    return null;
  }
  if (paying < 0) {
    skipped.push({ name, reason: `unusable paying ${paying}` });
    return null;
  }
  if (seen.has(slug)) {
    skipped.push({ name, reason: `second entry for algorithm ${slug}` });
    return null;
  }
  seen.add(slug);
  return {
    algorithm: slug,
    niceHashAlgorithm: name.toUpperCase(),
    payingBtcPerHashPerDay: paying * payingFactor,
    rentableHashrate,
  };
}

function speedInBaseUnits(name: string, speed: number | null | undefined): number | null {
  const unit = NICEHASH_SPEED_UNITS[name.toUpperCase()];
  if (unit === undefined || typeof speed !== 'number' || !(speed >= 0)) return null;
  const hashrate = speed * unit;
  return Number.isFinite(hashrate) ? hashrate : null;
}

function entryName(entry: unknown, index: number): string {
  if (typeof entry === 'object' && entry !== null && 'algorithm' in entry && typeof entry.algorithm === 'string') {
    return entry.algorithm;
  }
  return `#${index}`;
}

/** The REST `simplemultialgo/info` body → prices per our algorithm slug. */
export function normalizeNiceHash(raw: unknown): SourceResult<NiceHashPrice[]> {
  const body = parseOrThrow(niceHashSimpleMultiAlgoSchema, raw, SOURCE);
  const named = body.miningAlgorithms.map((entry, index): [string, unknown] => [entryName(entry, index), entry]);
  const { parsed, skipped } = parseEntries(niceHashAlgorithmSchema, named, SOURCE);
  const seen = new Set<string>();
  const prices: NiceHashPrice[] = [];
  for (const { name, entry } of parsed) {
    const price = toPrice(
      name,
      entry.paying,
      REST_PAYING_TO_BTC_PER_HASH_PER_DAY,
      speedInBaseUnits(name, entry.speed),
      seen,
      skipped,
    );
    if (price) prices.push(price);
  }
  return { data: prices, skipped };
}

/** The websocket `sma` message (no speeds in it) → prices per our algorithm slug. */
export function normalizeNiceHashSma(raw: unknown): SourceResult<NiceHashPrice[]> {
  const message = parseOrThrow(niceHashSmaMessageSchema, raw, SOURCE);
  const seen = new Set<string>();
  const skipped: Skipped = [];
  const prices: NiceHashPrice[] = [];
  for (const [id, paying] of message.data) {
    const name = NICEHASH_ALGORITHM_IDS[id];
    if (name === undefined) {
      skipped.push({ name: `id ${id}`, reason: `unknown NiceHash algorithm id ${id}` });
      continue;
    }
    const price = toPrice(name, paying, SMA_PAYING_TO_BTC_PER_HASH_PER_DAY, null, seen, skipped);
    if (price) prices.push(price);
  }
  return { data: prices, skipped };
}

export async function fetchNiceHashPrices({
  baseUrl = NICEHASH_DEFAULT_URL,
  timeoutMs,
}: {
  baseUrl?: string;
  timeoutMs: number;
}): Promise<SourceResult<NiceHashPrice[]>> {
  const raw = await fetchJson(`${baseUrl.replace(/\/+$/, '')}${NICEHASH_SIMPLEMULTIALGO_PATH}`, {
    timeoutMs,
    source: SOURCE,
  });
  return normalizeNiceHash(raw);
}
