// Reproduces WhatToMine's own `estimated_rewards` in its recorded coins.json of 2017-09-07
// (tests/fixtures/whattomine-coins-2017-09-07.json) with coinsPerDayFromDifficulty and our k.
//
// WhatToMine computes estimated_rewards for one default hashrate per algorithm, which the file does
// not state. We derive it per algorithm from one coin, H = estimated_rewards × D × k / (86400 × R),
// and round it to 3 significant digits. The coin is the one with the largest `exchange_rate_vol`
// (the most traded, the likeliest for the default to track) among those whose estimated_rewards has
// at least 4 significant digits; only when an algorithm has no such coin (Blake 14r: DCR "0.0319")
// do we fall back to the most traded coin. The digit rule matters for Ethash: the most traded coin,
// ETH, shows "0.0099" (2 digits, ±0.5 %), which implies 53.2 MH/s, while ETC, MUSIC, EXP and UBQ
// (4+ digits each) all imply 52.99 MH/s; likewise XMR's "0.0291" (3 digits) is passed over for BCN.
// Every other coin of the algorithm must then come out within 1 % of its recorded figure.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { algorithmFromUpstream } from '@/lib/mining/algorithms';
import { getCoinFacts } from '@/lib/mining/coin-facts';
import { coinsPerDayFromDifficulty, SECONDS_PER_DAY } from '@/lib/mining/profit';

type WtmCoin = {
  name: string;
  tag: string;
  algorithm: string;
  blockTimeSeconds: number;
  blockReward: number;
  difficulty: number;
  nethash: number;
  /** As recorded, e.g. "1,314.4536". */
  estimatedRewardsText: string;
  estimatedRewards: number;
  exchangeRateVolBtc: number;
};

/** A number or numeric string ("1,314.4536", "1458129.4098…") to a finite number, or throw. */
function toNumber(value: unknown, what: string): number {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.replace(/,/g, '')) : NaN;
  if (!Number.isFinite(parsed)) throw new Error(`${what}: ${JSON.stringify(value)} is not a number`);
  return parsed;
}

function loadFixture(): WtmCoin[] {
  const path = fileURLToPath(new URL('../../fixtures/whattomine-coins-2017-09-07.json', import.meta.url));
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { coins: Record<string, Record<string, unknown>> };
  return Object.entries(raw.coins).map(([name, c]) => ({
    name,
    tag: String(c.tag),
    algorithm: String(c.algorithm),
    blockTimeSeconds: toNumber(c.block_time, `${name}.block_time`),
    blockReward: toNumber(c.block_reward, `${name}.block_reward`),
    difficulty: toNumber(c.difficulty, `${name}.difficulty`),
    nethash: toNumber(c.nethash, `${name}.nethash`),
    estimatedRewardsText: String(c.estimated_rewards),
    estimatedRewards: toNumber(c.estimated_rewards, `${name}.estimated_rewards`),
    exchangeRateVolBtc: toNumber(c.exchange_rate_vol, `${name}.exchange_rate_vol`),
  }));
}

/** Significant digits as written: "0.0099" → 2, "0.3970" → 4, "1,314.4536" → 8. */
function significantDigits(text: string): number {
  return text.replace(/[,+-]/g, '').replace('.', '').replace(/^0+/, '').length;
}

function roundSignificant(value: number, digits: number): number {
  return Number(value.toPrecision(digits));
}

/** k from the catalog, with the coin's own override from lib/mining/coin-facts.ts. */
function workFactor(coin: WtmCoin): number {
  const facts = getCoinFacts(coin.tag);
  const k = facts.workFactor !== undefined ? facts.workFactor : algorithmFromUpstream(coin.algorithm)?.workFactor;
  if (typeof k !== 'number') throw new Error(`no k for ${coin.tag} (${coin.algorithm})`);
  return k;
}

/** The hashrate a coin's estimated_rewards implies: H = E × D × k / (86400 × R). */
function impliedHashrate(coin: WtmCoin): number {
  return (coin.estimatedRewards * coin.difficulty * workFactor(coin)) / (SECONDS_PER_DAY * coin.blockReward);
}

const relativeError = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

const ALL = loadFixture();
const COINS = ALL.filter((c) => c.tag !== 'NICEHASH');
const ALGORITHM_NAMES = [...new Set(COINS.map((c) => c.algorithm))].sort();

function deriveDefaultHashrate(algorithm: string): { hashrate: number; from: string } {
  const coins = COINS.filter((c) => c.algorithm === algorithm);
  const precise = coins.filter((c) => significantDigits(c.estimatedRewardsText) >= 4);
  const pool = precise.length > 0 ? precise : coins;
  const source = pool.reduce((best, c) => (c.exchangeRateVolBtc > best.exchangeRateVolBtc ? c : best));
  return { hashrate: roundSignificant(impliedHashrate(source), 3), from: source.tag };
}

const DEFAULTS = new Map(ALGORITHM_NAMES.map((name) => [name, deriveDefaultHashrate(name)]));

function defaultHashrate(algorithm: string): number {
  const entry = DEFAULTS.get(algorithm);
  if (!entry) throw new Error(`no default hashrate for ${algorithm}`);
  return entry.hashrate;
}

// Coins whose estimated_rewards WhatToMine cannot have computed from the figures recorded next to
// it: the hashrate they imply differs from the other coins of the same algorithm by more than 1 %.
// (FTC, the most traded NeoScrypt coin, implies 1.2986 MH/s → default 1.30 MH/s.)
const INCONSISTENT: Readonly<Record<string, string>> = {
  // "141.5172" HAL implies 1.0445 MH/s, 20 % below FTC's 1.30 MH/s: computed from other figures
  // (another difficulty or reward) than those recorded.
  HAL: 'NeoScrypt: implies 1.04 MH/s vs 1.30 MH/s (FTC)',
  // "399.7152" PXC implies 1.2788 MH/s, 1.6 % below FTC: same story, a smaller gap.
  PXC: 'NeoScrypt: implies 1.279 MH/s vs 1.30 MH/s (FTC), −1.6 %',
  // "11.5308" ORB implies 1.2688 MH/s, 2.4 % below FTC.
  ORB: 'NeoScrypt: implies 1.269 MH/s vs 1.30 MH/s (FTC), −2.4 %',
};

describe('WhatToMine 2017-09-07: the recording', () => {
  it('has 42 entries, 32 real coins in 12 algorithms', () => {
    expect(ALL).toHaveLength(42);
    expect(COINS).toHaveLength(32);
    expect(ALGORITHM_NAMES).toHaveLength(12);
  });

  it('every algorithm maps to a catalog entry with a k', () => {
    for (const coin of COINS) expect(workFactor(coin), `${coin.tag} ${coin.algorithm}`).toBeGreaterThan(0);
  });

  it('parses "1,314.4536" and counts significant digits as written', () => {
    expect(toNumber('1,314.4536', 'x')).toBe(1314.4536);
    expect(significantDigits('0.0099')).toBe(2);
    expect(significantDigits('0.3970')).toBe(4);
    expect(significantDigits('1,314.4536')).toBe(8);
  });
});

describe('k: nethash × block_time / difficulty equals the catalog k (with coin overrides)', () => {
  it.each(COINS.map((c) => [c.tag, c] as const))('%s', (_tag, coin) => {
    // e.g. KMD: 5,078,389.27 Sol/s × 59 s / 18,726,560.44 = 16.000 (override); ZEC: 260,802,613 × 152 / 4,839,111 = 8192
    const k = (coin.nethash * coin.blockTimeSeconds) / coin.difficulty;
    expect(relativeError(k, workFactor(coin))).toBeLessThan(1e-3);
  });
});

describe('derived default hashrate per algorithm', () => {
  // Derived values (H from the named coin, rounded to 3 significant digits):
  //   CryptoNight   BCN  1314.4536 × 444,224,403 × 1 / (86400 × 4630.684372) = 1459.4 → 1460 H/s
  //   Ethash        ETC  0.1712 × 129,699,001,304,767 / (86400 × 4.85)        = 52.99 M → 53.0 MH/s
  //   Equihash      KMD  0.5017 × 18,726,560.44 × 16 / (86400 × 3)            = 579.95 → 580 Sol/s
  //   NeoScrypt     FTC  59.7287 × 17.494 × 2^32 / (86400 × 40)               = 1.2986 M → 1.30 MH/s
  //   Groestl       GRS  → 35.9 MH/s        X11Gost   SIB → 13.4 MH/s
  //   Pascal        PASC → 1.38 GH/s        LBRY      LBC → 190 MH/s
  //   Myriad-Groestl DGB → 52.9 MH/s        Blake (2b) SC → 1.98 GH/s
  //   Blake (14r)   DCR ("0.0319", fallback) → 2.10 GH/s     Lyra2REv2 VTC → 9.80 MH/s
  it.each([
    ['CryptoNight', 'BCN', 1460],
    ['Ethash', 'ETC', 53.0e6],
    ['Equihash', 'KMD', 580],
    ['NeoScrypt', 'FTC', 1.3e6],
    ['Groestl', 'GRS', 35.9e6],
    ['X11Gost', 'SIB', 13.4e6],
    ['Pascal', 'PASC', 1.38e9],
    ['LBRY', 'LBC', 190e6],
    ['Myriad-Groestl', 'DGB', 52.9e6],
    ['Blake (2b)', 'SC', 1.98e9],
    ['Blake (14r)', 'DCR', 2.1e9],
    ['Lyra2REv2', 'VTC', 9.8e6],
  ] as const)('%s: from %s, %d', (algorithm, tag, hashrate) => {
    expect(DEFAULTS.get(algorithm)).toEqual({ hashrate, from: tag });
  });

  it('covers every algorithm in the file', () => {
    expect([...DEFAULTS.keys()].sort()).toEqual(ALGORITHM_NAMES);
  });
});

describe('estimated_rewards reproduced with coinsPerDayFromDifficulty', () => {
  const precise = COINS.filter((c) => significantDigits(c.estimatedRewardsText) >= 4);
  const checked = precise.filter((c) => !(c.tag in INCONSISTENT));

  it('checks 25 coins to 1 % (28 with 4+ digits, less 3 inconsistent)', () => {
    expect(precise).toHaveLength(28);
    expect(checked).toHaveLength(25);
  });

  it.each(checked.map((c) => [c.tag, c.algorithm, c] as const))('%s (%s) within 1 %', (_tag, _algorithm, coin) => {
    const ours = coinsPerDayFromDifficulty(defaultHashrate(coin.algorithm), coin.difficulty, workFactor(coin), coin.blockReward);
    expect(ours).not.toBeNull();
    expect(relativeError(ours as number, coin.estimatedRewards)).toBeLessThan(0.01);
  });

  // The four coins written with fewer than 4 digits (XMR "0.0291", ETH "0.0099", ZEC "0.0126",
  // DCR "0.0319") are checked to 1 % plus half a unit in their last written digit.
  it.each(COINS.filter((c) => significantDigits(c.estimatedRewardsText) < 4).map((c) => [c.tag, c] as const))(
    '%s (coarse figure) within 1 % plus rounding',
    (_tag, coin) => {
      const ours = coinsPerDayFromDifficulty(defaultHashrate(coin.algorithm), coin.difficulty, workFactor(coin), coin.blockReward) as number;
      const decimals = coin.estimatedRewardsText.split('.')[1]?.length ?? 0;
      const halfUnit = 0.5 * 10 ** -decimals;
      expect(Math.abs(ours - coin.estimatedRewards)).toBeLessThanOrEqual(0.01 * coin.estimatedRewards + halfUnit);
    },
  );

  it.each(Object.entries(INCONSISTENT))('exception %s is indeed off by more than 1 % (%s)', (tag) => {
    const coin = COINS.find((c) => c.tag === tag);
    expect(coin, tag).toBeDefined();
    const c = coin as WtmCoin;
    expect(significantDigits(c.estimatedRewardsText)).toBeGreaterThanOrEqual(4);
    const ours = coinsPerDayFromDifficulty(defaultHashrate(c.algorithm), c.difficulty, workFactor(c), c.blockReward) as number;
    expect(relativeError(ours, c.estimatedRewards)).toBeGreaterThan(0.01);
    // …and the hashrate it implies is more than 1 % from its algorithm's default.
    expect(relativeError(impliedHashrate(c), defaultHashrate(c.algorithm))).toBeGreaterThan(0.01);
  });
});
