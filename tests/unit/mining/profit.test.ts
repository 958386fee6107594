// Table-driven tests for lib/mining/profit.ts. Every expected figure is worked out by hand in the
// comment above it (exact rational arithmetic, rounded to 15 significant digits), from real
// figures where a recording has them: hashrate.no /v1/coins of 2024-03-16
// (lib/snapshot/embedded/hashrateno-v1_coins-2024-03-16.json, "the recording" below).
// hashrate.no's own `coinEstimate` (coins per day per `coinEstimateUnit`) is an independent
// check of the same figures; the second table says which cases it confirms and to what precision.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getAlgorithm, POW2_13, POW2_32 } from '@/lib/mining/algorithms';
import { getCoinFacts, targetBlockTimeSeconds } from '@/lib/mining/coin-facts';
import {
  coinsPerDayFromBlockTime,
  coinsPerDayFromDifficulty,
  blockRewardFigure,
  blockRewardFromEmission,
  coinsPerDayFromEmission,
  coinsPerDayFromEmissionAtDifficulty,
  estimate,
  impliedNetworkHashrate,
  perPeriod,
  powerCostUsdPerDay,
  probabilityOfBlockWithin,
  soloSecondsToBlock,
  SECONDS_PER_DAY,
  type CoinFigures,
  type Estimate,
  type EstimateBasis,
  type RigFigures,
} from '@/lib/mining/profit';

/** |actual − expected| ≤ rel × |expected|; null never passes. */
function expectRelative(actual: number | null | undefined, expected: number, rel = 1e-12): void {
  expect(actual, `expected ≈ ${expected}`).toBeTypeOf('number');
  const value = actual as number;
  expect(Number.isFinite(value)).toBe(true);
  expect(Math.abs(value - expected), `${value} vs ${expected}`).toBeLessThanOrEqual(Math.abs(expected) * rel);
}

/** k for a coin: the algorithm's catalog k unless lib/mining/coin-facts.ts overrides it. */
function workFactorOf(algorithmSlug: string, tag: string): number | null {
  const facts = getCoinFacts(tag);
  if (facts.workFactor !== undefined) return facts.workFactor;
  const algorithm = getAlgorithm(algorithmSlug);
  if (!algorithm) throw new Error(`unknown algorithm ${algorithmSlug}`);
  return algorithm.workFactor;
}

const NO_FIGURES: CoinFigures = {
  blockTimeSeconds: null,
  blockReward: null,
  difficulty: null,
  networkHashrate: null,
  emissionPerDay: null,
  workFactor: null,
  priceUsd: null,
  priceBtc: null,
};

const IDLE_RIG: RigFigures = { hashrate: 0, powerWatts: 0, electricityUsdPerKwh: 0, poolFeePercent: 0 };

// Kaspa: the recording's networkDifficulty (43,494,007) is not in Kaspa's own convention. Its
// coinEstimate equals H × emission / (networkDifficulty × 2^32) (checked below), and at 1 block/s
// (before Crescendo) Kaspa's work per block is D × 2, so Kaspa's D = networkDifficulty × 2^31
// = 43,494,007 × 2,147,483,648 = 9.34026688184975e16 (an inference from that identity).
const KAS_DIFFICULTY_2024_03_16 = 43_494_007 * 2 ** 31;

describe('work factors k used by the cases', () => {
  it.each([
    // [algorithm slug, coin tag, k]
    ['sha256d', 'BTC', POW2_32],
    ['scrypt', 'LTC', POW2_32],
    ['kawpow', 'RVN', POW2_32],
    ['x11', 'DASH', POW2_32],
    ['randomx', 'XMR', 1],
    ['autolykos2', 'ERG', 1],
    ['etchash', 'ETC', 1],
    ['equihash', 'ZEC', 8192],
    ['equihash', 'ZEN', 8192],
    ['equihash', 'KMD', 16],
    ['equihash', 'HUSH', 2],
    ['kheavyhash', 'KAS', 2],
    ['blake3', 'ALPH', null],
  ] as const)('%s / %s: k = %s', (slug, tag, k) => {
    expect(workFactorOf(slug, tag)).toBe(k);
  });

  it('names 2^32 and 2^13 exactly', () => {
    expect(POW2_32).toBe(4_294_967_296);
    expect(POW2_13).toBe(8192);
  });

  it('Kaspa: 1 block per second before Crescendo, 10 since', () => {
    expect(targetBlockTimeSeconds('KAS', '2024-03-16T00:00:00Z')).toBe(1);
    expect(targetBlockTimeSeconds('KAS', '2025-06-01T00:00:00Z')).toBe(0.1);
  });

  it('KiiroCoin: 300 s (nPowTargetSpacingMTP) until stage 3 at 1689499903, 150 s since', () => {
    // 1689499903 s after the epoch is 2023-07-16T09:31:43Z.
    expect(new Date(1689499903 * 1000).toISOString()).toBe('2023-07-16T09:31:43.000Z');
    expect(targetBlockTimeSeconds('KIIRO', '2023-07-16T09:31:42Z')).toBe(300);
    expect(targetBlockTimeSeconds('KIIRO', '2023-07-16T09:31:43Z')).toBe(150);
    expect(targetBlockTimeSeconds('KIIRO', '2024-03-16T00:00:00Z')).toBe(150);
  });

  it('per-coin k where the algorithm has none cited: NOVO (SHA256DT), NEXA (NexaPow), KIIRO (FiroPow) use 2^32', () => {
    for (const [slug, tag] of [['sha256dt', 'NOVO'], ['nexapow', 'NEXA'], ['firopow', 'KIIRO']] as const) {
      expect(getAlgorithm(slug)!.workFactor, slug).toBeNull();
      expect(workFactorOf(slug, tag), tag).toBe(POW2_32);
    }
    // FIRO itself keeps no k (FiroPow unverified at the algorithm level).
    expect(workFactorOf('firopow', 'FIRO')).toBeNull();
  });
});

type Expected = {
  basis: EstimateBasis | null;
  coinsPerDay: number;
  revenueUsdPerDay: number;
  powerCostUsdPerDay: number;
  profitUsdPerDay: number;
  networkShare: number;
  soloDaysToBlock: number | null;
};

type EstimateCase = { name: string; coin: CoinFigures; rig: RigFigures; expected: Expected };

const ESTIMATE_CASES: EstimateCase[] = [
  {
    // BTC (SHA-256d), the recording: D = 83,947,913,181,361, N = 5.25807248285e20 H/s,
    // USD 68,154.34627401; R = 6.25 (the April 2024 halving came after 2024-03-16); k = 2^32.
    // Rig 100 TH/s, 3000 W at $0.05/kWh, no fee.
    //   D·k = 83,947,913,181,361 × 4,294,967,296 = 3.60553541681393e23 hashes per block
    //   H·86400·R = 1e14 × 86,400 × 6.25 = 5.4e19
    //   coins = 5.4e19 / 3.60553541681393e23 = 1.49769711727635e-4 BTC/day
    //   revenue = 1.49769711727635e-4 × 68,154.34627401 = 10.2074567944439 USD
    //   cost = 3000 × 24 / 1000 × 0.05 = 3.6; profit = 10.2074567944439 − 3.6 = 6.60745679444389
    //   share = 1e14 / 5.25807248285e20 = 1.90183760924113e-7
    //   solo = D·k / H = 3.60553541681393e9 s / 86,400 = 41,730.7339909019 days
    name: 'BTC SHA-256d',
    coin: {
      ...NO_FIGURES,
      blockTimeSeconds: 600,
      blockReward: 6.25,
      difficulty: 83_947_913_181_361,
      networkHashrate: 525_807_248_285_000_007_680,
      workFactor: workFactorOf('sha256d', 'BTC'),
      priceUsd: 68_154.346_274_01,
      priceBtc: 1,
    },
    rig: { hashrate: 100e12, powerWatts: 3000, electricityUsdPerKwh: 0.05, poolFeePercent: 0 },
    expected: {
      basis: 'difficulty',
      coinsPerDay: 1.49769711727635e-4,
      revenueUsdPerDay: 10.2074567944439,
      powerCostUsdPerDay: 3.6,
      profitUsdPerDay: 6.60745679444389,
      networkShare: 1.90183760924113e-7,
      soloDaysToBlock: 41_730.7339909019,
    },
  },
  {
    // LTC (Scrypt), the recording: D = 34,315,750, N = 982,566,797,951,630 H/s, USD 87.692668422304;
    // R = 6.25 (since the August 2023 halving; emission 3600/day = 576 blocks × 6.25); k = 2^32.
    // Rig 9.5 GH/s, 3425 W at $0.10/kWh, no fee.
    //   D·k = 34,315,750 × 4,294,967,296 = 1.47385023987712e17
    //   H·86400·R = 9.5e9 × 86,400 × 6.25 = 5.13e15
    //   coins = 5.13e15 / 1.47385023987712e17 = 0.0348067928558854 LTC/day
    //   revenue = 0.0348067928558854 × 87.692668422304 = 3.05230054475498
    //   cost = 3425 × 24 / 1000 × 0.10 = 8.22; profit = 3.05230054475498 − 8.22 = −5.16769945524502
    //   share = 9.5e9 / 982,566,797,951,630 = 9.66855385283197e-6
    //   solo = 1.47385023987712e17 / 9.5e9 / 86,400 = 179.562651057154 days
    name: 'LTC Scrypt',
    coin: {
      ...NO_FIGURES,
      blockTimeSeconds: 150,
      blockReward: 6.25,
      difficulty: 34_315_750,
      networkHashrate: 982_566_797_951_630,
      workFactor: workFactorOf('scrypt', 'LTC'),
      priceUsd: 87.692_668_422_304,
    },
    rig: { hashrate: 9.5e9, powerWatts: 3425, electricityUsdPerKwh: 0.1, poolFeePercent: 0 },
    expected: {
      basis: 'difficulty',
      coinsPerDay: 0.0348067928558854,
      revenueUsdPerDay: 3.05230054475498,
      powerCostUsdPerDay: 8.22,
      profitUsdPerDay: -5.16769945524502,
      networkShare: 9.66855385283197e-6,
      soloDaysToBlock: 179.562651057154,
    },
  },
  {
    // RVN (KawPow), the recording: D = 85,166, N = 6,747,468,194,408 H/s, USD 0.027762567586762;
    // R = 2500 (emission 3,600,000/day = 1440 blocks × 2500); k = 2^32.
    // Rig 30 MH/s, 220 W at $0.12/kWh, 1 % pool fee.
    //   D·k = 85,166 × 4,294,967,296 = 365,785,184,731,136
    //   H·86400·R = 3e7 × 86,400 × 2500 = 6.48e15
    //   gross = 6.48e15 / 365,785,184,731,136 = 17.7153156292074; after the fee × 0.99 = 17.5381624729153 RVN
    //   revenue = 17.5381624729153 × 0.027762567586762 = 0.486904421001924
    //   cost = 220 × 24 / 1000 × 0.12 = 0.6336; profit = 0.486904421001924 − 0.6336 = −0.146695578998076
    //   share = 3e7 / 6,747,468,194,408 = 4.44611210244202e-6
    //   solo = 365,785,184,731,136 / 3e7 / 86,400 = 141.120827442568 days
    name: 'RVN KawPow',
    coin: {
      ...NO_FIGURES,
      blockTimeSeconds: 60,
      blockReward: 2500,
      difficulty: 85_166,
      networkHashrate: 6_747_468_194_408,
      workFactor: workFactorOf('kawpow', 'RVN'),
      priceUsd: 0.027_762_567_586_762,
    },
    rig: { hashrate: 30e6, powerWatts: 220, electricityUsdPerKwh: 0.12, poolFeePercent: 1 },
    expected: {
      basis: 'difficulty',
      coinsPerDay: 17.5381624729153,
      revenueUsdPerDay: 0.486904421001924,
      powerCostUsdPerDay: 0.6336,
      profitUsdPerDay: -0.146695578998076,
      networkShare: 4.44611210244202e-6,
      soloDaysToBlock: 141.120827442568,
    },
  },
  {
    // XMR (RandomX), the recording: D = 244,349,922,218, N = 1,967,258,682 H/s, USD 143.17736768612;
    // R = 0.6 (tail emission); k = 1 (Monero: hashrate = difficulty / target).
    // Rig 20 kH/s, 200 W at $0.15/kWh, no fee.
    //   coins = 20,000 × 86,400 × 0.6 / 244,349,922,218 = 1,036,800,000 / 244,349,922,218 = 0.00424309527332284 XMR
    //   revenue = 0.00424309527332284 × 143.17736768612 = 0.607515212075782
    //   cost = 200 × 24 / 1000 × 0.15 = 0.72; profit = 0.607515212075782 − 0.72 = −0.112484787924218
    //   share = 20,000 / 1,967,258,682 = 1.0166431178063e-5
    //   solo = 244,349,922,218 / 20,000 / 86,400 = 141.406204987269 days
    name: 'XMR RandomX',
    coin: {
      ...NO_FIGURES,
      blockTimeSeconds: 120,
      blockReward: 0.6,
      difficulty: 244_349_922_218,
      networkHashrate: 1_967_258_682,
      workFactor: workFactorOf('randomx', 'XMR'),
      priceUsd: 143.177_367_686_12,
    },
    rig: { hashrate: 20_000, powerWatts: 200, electricityUsdPerKwh: 0.15, poolFeePercent: 0 },
    expected: {
      basis: 'difficulty',
      coinsPerDay: 0.00424309527332284,
      revenueUsdPerDay: 0.607515212075782,
      powerCostUsdPerDay: 0.72,
      profitUsdPerDay: -0.112484787924218,
      networkShare: 1.0166431178063e-5,
      soloDaysToBlock: 141.406204987269,
    },
  },
  {
    // ZEC (Equihash 200,9), the recording: D = 86,637,968, N = 10,645,317,137 Sol/s, USD 29.85363791724;
    // R = 2.5 (the miner's 80 % of 3.125; 20 % is the dev fund); k = 8192 (2^13).
    // Rig 140 kSol/s, 1510 W at $0.06/kWh, 2 % pool fee.
    //   D·k = 86,637,968 × 8192 = 709,738,233,856
    //   H·86400·R = 140,000 × 86,400 × 2.5 = 30,240,000,000
    //   gross = 30,240,000,000 / 709,738,233,856 = 0.0426072579403063; × 0.98 = 0.0417551127815001 ZEC
    //   revenue = 0.0417551127815001 × 29.85363791724 = 1.24654201817243
    //   cost = 1510 × 24 / 1000 × 0.06 = 2.1744; profit = 1.24654201817243 − 2.1744 = −0.927857981827575
    //   share = 140,000 / 10,645,317,137 = 1.3151322614279e-5
    //   solo = 709,738,233,856 / 140,000 / 86,400 = 58.6754492275132 days
    name: 'ZEC Equihash 200,9',
    coin: {
      ...NO_FIGURES,
      blockTimeSeconds: 75,
      blockReward: 2.5,
      difficulty: 86_637_968,
      networkHashrate: 10_645_317_137,
      workFactor: workFactorOf('equihash', 'ZEC'),
      priceUsd: 29.853_637_917_24,
    },
    rig: { hashrate: 140_000, powerWatts: 1510, electricityUsdPerKwh: 0.06, poolFeePercent: 2 },
    expected: {
      basis: 'difficulty',
      coinsPerDay: 0.0417551127815001,
      revenueUsdPerDay: 1.24654201817243,
      powerCostUsdPerDay: 2.1744,
      profitUsdPerDay: -0.927857981827575,
      networkShare: 1.3151322614279e-5,
      soloDaysToBlock: 58.6754492275132,
    },
  },
  {
    // ERG (Autolykos2), the recording: D = 1,811,273,608,069,120, N = 14,527,355,803,410 H/s,
    // USD 2.1585858668224; R = 30 (emission 21,600/day = 720 blocks × 30); k = 1.
    // Rig 300 MH/s, 600 W at $0.10/kWh, 1 % pool fee.
    //   H·86400·R = 3e8 × 86,400 × 30 = 7.776e14
    //   gross = 7.776e14 / 1,811,273,608,069,120 = 0.429311174488402; × 0.99 = 0.425018062743518 ERG
    //   revenue = 0.425018062743518 × 2.1585858668224 = 0.917437983382395
    //   cost = 600 × 24 / 1000 × 0.10 = 1.44; profit = 0.917437983382395 − 1.44 = −0.522562016617605
    //   share = 3e8 / 14,527,355,803,410 = 2.06506954231534e-5
    //   solo = 1,811,273,608,069,120 / 3e8 / 86,400 = 69.879383027358 days
    name: 'ERG Autolykos2',
    coin: {
      ...NO_FIGURES,
      blockTimeSeconds: 120,
      blockReward: 30,
      difficulty: 1_811_273_608_069_120,
      networkHashrate: 14_527_355_803_410,
      workFactor: workFactorOf('autolykos2', 'ERG'),
      priceUsd: 2.158_585_866_822_4,
    },
    rig: { hashrate: 300e6, powerWatts: 600, electricityUsdPerKwh: 0.1, poolFeePercent: 1 },
    expected: {
      basis: 'difficulty',
      coinsPerDay: 0.425018062743518,
      revenueUsdPerDay: 0.917437983382395,
      powerCostUsdPerDay: 1.44,
      profitUsdPerDay: -0.522562016617605,
      networkShare: 2.06506954231534e-5,
      soloDaysToBlock: 69.879383027358,
    },
  },
  {
    // KAS (kHeavyHash) before Crescendo (1 block/s), the recording: D = 9.34026688184975e16 in Kaspa's
    // convention (see KAS_DIFFICULTY_2024_03_16), N = 1.8375352790414e17 H/s, USD 0.13603589590677;
    // R = emission / 86,400 = 10,667,881.095264 / 86,400 = 123.47084601 KAS per block; k = 2.
    // Rig 21 TH/s, 3150 W at $0.08/kWh, no fee.
    //   D·k = 9.34026688184975e16 × 2 = 1.86805337636995e17 (= 43,494,007 × 2^32)
    //   H·86400·R = 2.1e13 × 10,667,881.095264 = 2.24025503000544e20
    //   coins = 2.24025503000544e20 / 1.86805337636995e17 = 1199.24572731362 KAS/day
    //   revenue = 1199.24572731362 × 0.13603589590677 = 163.140466927474
    //   cost = 3150 × 24 / 1000 × 0.08 = 6.048; profit = 163.140466927474 − 6.048 = 157.092466927474
    //   share = 2.1e13 / 1.8375352790414e17 = 1.14283520101749e-4
    //   solo = 1.86805337636995e17 / 2.1e13 = 8895.49 s = 0.102957086440143 days
    name: 'KAS kHeavyHash (1 block/s)',
    coin: {
      ...NO_FIGURES,
      blockTimeSeconds: 1,
      blockReward: 10_667_881.095_264 / SECONDS_PER_DAY,
      difficulty: KAS_DIFFICULTY_2024_03_16,
      networkHashrate: 183_753_527_904_140_000,
      workFactor: workFactorOf('kheavyhash', 'KAS'),
      priceUsd: 0.136_035_895_906_77,
    },
    rig: { hashrate: 21e12, powerWatts: 3150, electricityUsdPerKwh: 0.08, poolFeePercent: 0 },
    expected: {
      basis: 'difficulty',
      coinsPerDay: 1199.24572731362,
      revenueUsdPerDay: 163.140466927474,
      powerCostUsdPerDay: 6.048,
      profitUsdPerDay: 157.092466927474,
      networkShare: 1.14283520101749e-4,
      soloDaysToBlock: 0.102957086440143,
    },
  },
  {
    // ALPH (Blake3), multi-chain: no k and no single block time, so the share-of-network form with the
    // network-wide daily emission. The recording: N = 400,471,239,127,960 H/s, emission 49,680 ALPH/day,
    // USD 2.4859757822171. Rig 360 GH/s, 180 W at $0.10/kWh, no fee.
    //   share = 3.6e11 / 400,471,239,127,960 = 8.98940959615258e-4
    //   coins = 8.98940959615258e-4 × 49,680 = 44.659386873686 ALPH/day
    //   revenue = 44.659386873686 × 2.4859757822171 = 111.022154216648
    //   cost = 180 × 24 / 1000 × 0.10 = 0.432; profit = 111.022154216648 − 0.432 = 110.590154216648
    //   solo: no D·k and no block time → null
    name: 'ALPH Blake3 (emission)',
    coin: {
      ...NO_FIGURES,
      difficulty: 1_563_010_200_438_224,
      networkHashrate: 400_471_239_127_960,
      emissionPerDay: 49_680,
      workFactor: workFactorOf('blake3', 'ALPH'),
      priceUsd: 2.485_975_782_217_1,
    },
    rig: { hashrate: 360e9, powerWatts: 180, electricityUsdPerKwh: 0.1, poolFeePercent: 0 },
    expected: {
      basis: 'emission',
      coinsPerDay: 44.659386873686,
      revenueUsdPerDay: 111.022154216648,
      powerCostUsdPerDay: 0.432,
      profitUsdPerDay: 110.590154216648,
      networkShare: 8.98940959615258e-4,
      soloDaysToBlock: null,
    },
  },
  {
    // ETC (Etchash), the recording: D = 2,234,979,978,796,700, N = 165,873,996,269,600 H/s,
    // USD 31.811225958222; R = 2.56 (ECIP-1017 era 4: 5 × 0.8^3); k = 1.
    // Rig 400 MH/s, 900 W at $0.08/kWh, 1 % pool fee.
    //   H·86400·R = 4e8 × 86,400 × 2.56 = 8.84736e13
    //   gross = 8.84736e13 / 2,234,979,978,796,700 = 0.0395858579671186; × 0.99 = 0.0391899993874475 ETC
    //   revenue = 0.0391899993874475 × 31.811225958222 = 1.24668192581667
    //   cost = 900 × 24 / 1000 × 0.08 = 1.728; profit = 1.24668192581667 − 1.728 = −0.481318074183327
    //   share = 4e8 / 165,873,996,269,600 = 2.41146900054104e-6
    //   solo = 2,234,979,978,796,700 / 4e8 / 86,400 = 64.6695595716638 days
    name: 'ETC Etchash',
    coin: {
      ...NO_FIGURES,
      blockTimeSeconds: 13,
      blockReward: 2.56,
      difficulty: 2_234_979_978_796_700,
      networkHashrate: 165_873_996_269_600,
      workFactor: workFactorOf('etchash', 'ETC'),
      priceUsd: 31.811_225_958_222,
    },
    rig: { hashrate: 400e6, powerWatts: 900, electricityUsdPerKwh: 0.08, poolFeePercent: 1 },
    expected: {
      basis: 'difficulty',
      coinsPerDay: 0.0391899993874475,
      revenueUsdPerDay: 1.24668192581667,
      powerCostUsdPerDay: 1.728,
      profitUsdPerDay: -0.481318074183327,
      networkShare: 2.41146900054104e-6,
      soloDaysToBlock: 64.6695595716638,
    },
  },
  {
    // DASH (X11): no recording here carries DASH, so these are round illustrative figures, not
    // real ones: D = 100,000,000, R = 0.5, USD 30, T = 150 s, no network hashrate given; k = 2^32.
    // Rig 2 TH/s, 1000 W at $0.05/kWh, no fee.
    //   D·k = 1e8 × 4,294,967,296 = 4.294967296e17
    //   coins = 2e12 × 86,400 × 0.5 / 4.294967296e17 = 8.64e16 / 4.294967296e17 = 0.201165676116943 DASH
    //   revenue = 0.201165676116943 × 30 = 6.0349702835083
    //   cost = 1000 × 24 / 1000 × 0.05 = 1.2; profit = 6.0349702835083 − 1.2 = 4.8349702835083
    //   N implied = D·k / T = 4.294967296e17 / 150 = 2.86331153066667e15; share = 2e12 / N = 6.98491930961609e-4
    //   solo = 4.294967296e17 / 2e12 / 86,400 = 2.48551348148148 days
    name: 'DASH X11 (illustrative figures)',
    coin: {
      ...NO_FIGURES,
      blockTimeSeconds: 150,
      blockReward: 0.5,
      difficulty: 1e8,
      workFactor: workFactorOf('x11', 'DASH'),
      priceUsd: 30,
    },
    rig: { hashrate: 2e12, powerWatts: 1000, electricityUsdPerKwh: 0.05, poolFeePercent: 0 },
    expected: {
      basis: 'difficulty',
      coinsPerDay: 0.201165676116943,
      revenueUsdPerDay: 6.0349702835083,
      powerCostUsdPerDay: 1.2,
      profitUsdPerDay: 4.8349702835083,
      networkShare: 6.98491930961609e-4,
      soloDaysToBlock: 2.48551348148148,
    },
  },
];

describe('estimate: worked cases per algorithm', () => {
  it.each(ESTIMATE_CASES)('$name', ({ coin, rig, expected }) => {
    const result = estimate(coin, rig);
    expect(result.basis).toBe(expected.basis);
    // Hand figures carry 15 significant digits, so compare to 1e-13.
    expectRelative(result.coinsPerDay, expected.coinsPerDay, 1e-13);
    expectRelative(result.revenueUsdPerDay, expected.revenueUsdPerDay, 1e-13);
    expectRelative(result.powerCostUsdPerDay, expected.powerCostUsdPerDay, 1e-13);
    expectRelative(result.profitUsdPerDay, expected.profitUsdPerDay, 1e-13);
    expectRelative(result.networkShare, expected.networkShare, 1e-13);
    if (expected.soloDaysToBlock === null) expect(result.soloDaysToBlock).toBeNull();
    else expectRelative(result.soloDaysToBlock, expected.soloDaysToBlock, 1e-13);
  });
});

type RecordedCoin = {
  coin: string;
  networkDifficulty: string;
  networkHashrate: string;
  emission: string;
  usdPrice: string;
  coinEstimate: string;
  coinEstimateUnit: string;
};

const RECORDING: RecordedCoin[] = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../lib/snapshot/embedded/hashrateno-v1_coins-2024-03-16.json', import.meta.url)), 'utf8'),
) as RecordedCoin[];

function recorded(tag: string): RecordedCoin {
  const row = RECORDING.find((c) => c.coin === tag);
  if (!row) throw new Error(`${tag} is not in the hashrate.no recording`);
  return row;
}

describe('the figures quoted above are the recording’s', () => {
  it.each([
    ['BTC', 83_947_913_181_361, 525_807_248_285_000_007_680, 68_154.346_274_01],
    ['LTC', 34_315_750, 982_566_797_951_630, 87.692_668_422_304],
    ['RVN', 85_166, 6_747_468_194_408, 0.027_762_567_586_762],
    ['XMR', 244_349_922_218, 1_967_258_682, 143.177_367_686_12],
    ['ZEC', 86_637_968, 10_645_317_137, 29.853_637_917_24],
    ['ERG', 1_811_273_608_069_120, 14_527_355_803_410, 2.158_585_866_822_4],
    ['KAS', 43_494_007, 183_753_527_904_140_000, 0.136_035_895_906_77],
    ['ALPH', 1_563_010_200_438_224, 400_471_239_127_960, 2.485_975_782_217_1],
    ['ETC', 2_234_979_978_796_700, 165_873_996_269_600, 31.811_225_958_222],
  ] as const)('%s', (tag, difficulty, networkHashrate, usdPrice) => {
    const row = recorded(tag);
    expect(Number(row.networkDifficulty)).toBe(difficulty);
    expect(Number(row.networkHashrate)).toBe(networkHashrate);
    expect(Number(row.usdPrice)).toBe(usdPrice);
  });
});

const UNIT_HASHRATE: Readonly<Record<string, number>> = { H: 1, Kh: 1e3, Ksol: 1e3, Mh: 1e6, Gh: 1e9, Th: 1e12 };

type IndependentCheck = {
  tag: string;
  /** Our formula for one `coinEstimateUnit` of hashrate. */
  ours: (unit: number) => number | null;
  /** Largest relative difference allowed from hashrate.no's coinEstimate. */
  tolerance: number;
};

// hashrate.no's coinEstimate, coins per day per coinEstimateUnit, against our formulas with the
// same figures. Where it agrees to ~1e-8 it confirms the case outright; otherwise the note says why.
const INDEPENDENT_CHECKS: IndependentCheck[] = [
  // BTC: 1e12·86400·6.25/(83,947,913,181,361·2^32) = 1.49769711727635e-6 vs hashrate.no 1.4984713274632e-6:
  // 4 digits agree (1.498e-6) but hashrate.no is 0.052 % higher, more than rounding of the integer D
  // explains; as if R were 6.2532 (fees?). Confirmed to 4 digits only.
  { tag: 'BTC', ours: (u) => coinsPerDayFromDifficulty(u, 83_947_913_181_361, POW2_32, 6.25), tolerance: 6e-4 },
  // LTC: 1e6·86400·6.25/(34,315,750·2^32) = 3.66387293219847e-6 vs 3.6638729644627e-6 (9e-9): confirmed.
  { tag: 'LTC', ours: (u) => coinsPerDayFromDifficulty(u, 34_315_750, POW2_32, 6.25), tolerance: 1e-8 },
  // DOGE (Scrypt, not a case above, same k): 1e6·86400·10,000/(25,799,443·2^32) = 0.00779728756612859
  // vs 0.0077972876496049 (1.1e-8): confirms k = 2^32 for Scrypt a second time.
  { tag: 'DOGE', ours: (u) => coinsPerDayFromDifficulty(u, 25_799_443, POW2_32, 10_000), tolerance: 2e-8 },
  // RVN: 1e6·86400·2500/(85,166·2^32) = 0.590510520973579 vs 0.59051321854784 (4.6e-6): the recording
  // rounds D to an integer (±0.5 in 85,166 is ±5.9e-6), so confirmed to the precision of D.
  { tag: 'RVN', ours: (u) => coinsPerDayFromDifficulty(u, 85_166, POW2_32, 2500), tolerance: 6e-6 },
  // XMR: 86400·0.6/244,349,922,218 = 2.12154763666142e-7 vs 2.1215191702391e-7 (1.3e-5): as if R were
  // 0.59999195; confirmed to 4 digits (hashrate.no's reward basis differs slightly from exactly 0.6).
  { tag: 'XMR', ours: (u) => coinsPerDayFromDifficulty(u, 244_349_922_218, 1, 0.6), tolerance: 2e-5 },
  // ZEC: 1e3·86400·2.5/(86,637,968·8192) = 3.04337556716473e-4 vs 3.0433755515716e-4 (5e-9): confirms
  // k = 8192 and the miner's R = 2.5. (Its `emission` 3100.78/day is on another basis: it is neither
  // 1152 blocks × 2.5 = 2880 nor × 3.125 = 3600, so the emission form is not checked for ZEC.)
  { tag: 'ZEC', ours: (u) => coinsPerDayFromDifficulty(u, 86_637_968, POW2_13, 2.5), tolerance: 1e-8 },
  // ERG: 1e6·86400·30/1,811,273,608,069,120 = 1.43103724829467e-3 vs 1.4310372482947e-3: confirmed (k = 1, R = 30).
  { tag: 'ERG', ours: (u) => coinsPerDayFromDifficulty(u, 1_811_273_608_069_120, 1, 30), tolerance: 1e-12 },
  // ETC: hashrate.no uses the emission form: 1e6 × 16,417.480097214 / 165,873,996,269,600
  // = 9.89756108035775e-5 vs 9.8975610803576e-5: the emission form is confirmed exactly.
  { tag: 'ETC', ours: (u) => coinsPerDayFromEmission(u, 165_873_996_269_600, 16_417.480_097_214), tolerance: 1e-12 },
  // ETC, difficulty form with R = 2.56: 1e6·86400·2.56/2,234,979,978,796,700 = 9.89646449177966e-5, 1.1e-4
  // below: hashrate.no's figure is emission / N, and its emission (16,417.48 = 6413.08 blocks × 2.56, from
  // observed ≈13.47 s blocks) does not tie exactly to D; as if R were 2.56028. Confirmed to 4 digits.
  { tag: 'ETC', ours: (u) => coinsPerDayFromDifficulty(u, 2_234_979_978_796_700, 1, 2.56), tolerance: 2e-4 },
  // KAS: with D = 43,494,007 × 2^31, k = 2, R = emission / 86,400:
  // 1e6 × 10,667,881.095264 / (43,494,007 × 2^32) = 5.71069393958865e-5 vs 5.7106939733697e-5 (6e-9):
  // confirms the convention (with the recording's N instead it would be 5.8055e-5, 1.7 % higher).
  {
    tag: 'KAS',
    ours: (u) => coinsPerDayFromDifficulty(u, KAS_DIFFICULTY_2024_03_16, 2, 10_667_881.095_264 / SECONDS_PER_DAY),
    tolerance: 1e-8,
  },
  // ALPH: hashrate.no divides the emission by N = D × 16 chains / 64 s (Alephium's block time per chain
  // before the 2024 Rhone upgrade): 1e9 × 49,680 / (1,563,010,200,438,224 × 16 / 64) = 0.12713928542775,
  // exactly its figure. With the recording's own N (4.0047e14) the emission form gives 0.124053852426906,
  // 2.4 % lower; our ALPH case uses the recorded N, so it is confirmed in form, not in figure.
  { tag: 'ALPH', ours: (u) => coinsPerDayFromEmission(u, (1_563_010_200_438_224 * 16) / 64, 49_680), tolerance: 1e-12 },
];

describe('independent check: hashrate.no coinEstimate', () => {
  it.each(INDEPENDENT_CHECKS.map((check, i) => ({ ...check, label: `${check.tag} #${i}` })))(
    '$label',
    ({ tag, ours, tolerance }) => {
      const row = recorded(tag);
      const unit = UNIT_HASHRATE[row.coinEstimateUnit];
      expect(unit, row.coinEstimateUnit).toBeDefined();
      expectRelative(ours(unit as number), Number(row.coinEstimate), tolerance);
    },
  );

  it('the ALPH emission form with the recorded N is 2.4 % below hashrate.no (a different N, not a match)', () => {
    // 1e9 × 49,680 / 400,471,239,127,960 = 0.124053852426906
    const ours = coinsPerDayFromEmission(1e9, 400_471_239_127_960, 49_680);
    expectRelative(ours, 0.124053852426906, 1e-13);
    expect((ours as number) / Number(recorded('ALPH').coinEstimate)).toBeLessThan(0.98);
  });
});

describe('Kaspa after Crescendo: 10 blocks per second', () => {
  // Illustrative figures: D = 5e16, k = 2, T = 0.1 s, R = 4 KAS per block.
  //   N = D × 2 × 10 = 1e18 H/s
  //   difficulty form: 2.1e13 × 86,400 × 4 / (5e16 × 2) = 7.2576e18 / 1e17 = 72.576 KAS/day
  //   block-time form: (2.1e13 / 1e18) × (86,400 / 0.1) × 4 = 2.1e-5 × 864,000 × 4 = 72.576 (the same)
  it('N = D × 2 × blocks per second, and both forms agree', () => {
    expectRelative(impliedNetworkHashrate(5e16, 2, 0.1), 1e18, 1e-15);
    expectRelative(coinsPerDayFromDifficulty(21e12, 5e16, 2, 4), 72.576, 1e-15);
    expectRelative(coinsPerDayFromBlockTime(21e12, 1e18, 0.1, 4), 72.576, 1e-15);
    const result = estimate(
      { ...NO_FIGURES, blockTimeSeconds: 0.1, blockReward: 4, difficulty: 5e16, workFactor: 2 },
      { ...IDLE_RIG, hashrate: 21e12 },
    );
    expectRelative(result.coinsPerDay, 72.576, 1e-15);
    // share = 2.1e13 / 1e18 = 2.1e-5; solo = 1e17 / 2.1e13 = 4761.9 s = 0.0551146384479718 days
    expectRelative(result.networkShare, 2.1e-5, 1e-15);
    expectRelative(result.soloDaysToBlock, 0.0551146384479718, 1e-13);
  });
});

describe('the three forms', () => {
  it('block-time form: RVN with the recorded N (an observed figure) gives the emission form, not the difficulty form', () => {
    // (3e7 / 6,747,468,194,408) × (86,400 / 60) × 2500 = 4.44611210244202e-6 × 1440 × 2500 = 16.0060035687913
    expectRelative(coinsPerDayFromBlockTime(30e6, 6_747_468_194_408, 60, 2500), 16.0060035687913, 1e-13);
    // emission 3,600,000 = 1440 × 2500, so (3e7 / N) × 3,600,000 is the same 16.0060035687913
    expectRelative(coinsPerDayFromEmission(30e6, 6_747_468_194_408, 3_600_000), 16.0060035687913, 1e-13);
    // The recorded N is 10.7 % above D·2^32/60 = 6,096,419,745,518.93, hence 16.006 vs 17.715 from difficulty.
    expectRelative(impliedNetworkHashrate(85_166, POW2_32, 60), 6_096_419_745_518.93, 1e-13);
  });

  it('block-time form equals the difficulty form when N = D·k/T (LTC)', () => {
    // N = 34,315,750 × 2^32 / 150 = 982,566,826,584,747; the recorded N 982,566,797,951,630 is 2.9e-8 below.
    const n = impliedNetworkHashrate(34_315_750, POW2_32, 150) as number;
    expectRelative(n, 982_566_826_584_747, 1e-14);
    expectRelative(coinsPerDayFromBlockTime(9.5e9, n, 150, 6.25), 0.0348067928558854, 1e-13);
  });

  it('emission form: share of network × daily emission', () => {
    // (1e6 / 4e12) × 7,200,000 = 2.5e-7 × 7.2e6 = 1.8
    expectRelative(coinsPerDayFromEmission(1e6, 4e12, 7_200_000), 1.8, 1e-15);
  });

  it('uses the block-time form when there is no difficulty basis, then the emission form', () => {
    const blockTime = estimate(
      { ...NO_FIGURES, difficulty: 0, workFactor: POW2_32, blockReward: 2500, blockTimeSeconds: 60, networkHashrate: 6e12 },
      { ...IDLE_RIG, hashrate: 30e6 },
    );
    // (3e7 / 6e12) × 1440 × 2500 = 5e-6 × 3.6e6 = 18
    expect(blockTime.basis).toBe('block-time');
    expectRelative(blockTime.coinsPerDay, 18, 1e-15);

    const emission = estimate(
      { ...NO_FIGURES, difficulty: -85_166, workFactor: POW2_32, blockReward: 2500, networkHashrate: 6e12, emissionPerDay: 3_600_000 },
      { ...IDLE_RIG, hashrate: 30e6 },
    );
    // no block time, negative difficulty: (3e7 / 6e12) × 3.6e6 = 18
    expect(emission.basis).toBe('emission');
    expectRelative(emission.coinsPerDay, 18, 1e-15);
  });
});

describe('emission at the difficulty: a daily emission and no block reward (hashrate.no)', () => {
  // RVN in the recording: emission 3,600,000 RVN/day, D 85,166, k 2^32, T 60 s, reported N
  // 6,747,468,194,408 H/s. R = 3,600,000 × 60 / 86,400 = 2,500 RVN (the real block reward).
  // D × k = 85,166 × 4,294,967,296 = 365,785,184,731,136.
  // 1 MH/s: 1e6 × 3,600,000 × 60 / 365,785,184,731,136 = 2.16e14 / 3.65785184731136e14 = 0.590510520973579
  // (hashrate.no's own coinEstimate 0.59051321854784, 4.6e-6 above); the share of the reported N
  // would give (1e6 / 6,747,468,194,408) × 3,600,000 = 0.533533452293042, 9.7 % below.
  it('R = emission × T / 86400', () => {
    expectRelative(blockRewardFromEmission(3_600_000, 60), 2500, 1e-15);
    expect(blockRewardFromEmission(3_600_000, 0)).toBeNull();
    expect(blockRewardFromEmission(-1, 60)).toBeNull();
  });

  it("R the coin's figures give: the source's own, else emission × T / 86400 with its figures", () => {
    // RVN (hashrate.no 2024-03-16, no block reward): 3,600,000 RVN/day × 60 s / 86,400 s = 2,500 RVN.
    expect(blockRewardFigure({ blockReward: null, emissionPerDay: 3_600_000, blockTimeSeconds: 60 })).toEqual({
      from: 'emission',
      reward: 2500,
      emissionPerDay: 3_600_000,
      blockTimeSeconds: 60,
    });
    // A source's own R wins over an emission (WhatToMine's 2,500 even with another emission given).
    expect(blockRewardFigure({ blockReward: 2500, emissionPerDay: 1, blockTimeSeconds: 60 })).toEqual({ from: 'source', reward: 2500 });
    // No T (block time not cited), or no emission: no R.
    expect(blockRewardFigure({ blockReward: null, emissionPerDay: 3_600_000, blockTimeSeconds: null })).toBeNull();
    expect(blockRewardFigure({ blockReward: null, emissionPerDay: null, blockTimeSeconds: 60 })).toBeNull();
    expect(blockRewardFigure({ blockReward: null, emissionPerDay: Number.NaN, blockTimeSeconds: 60 })).toBeNull();
  });

  it('coins/day = H × emission × T / (D × k) (RVN, 1 MH/s)', () => {
    expectRelative(coinsPerDayFromEmissionAtDifficulty(1e6, 85_166, POW2_32, 60, 3_600_000), 0.590510520973579, 1e-13);
    expect(coinsPerDayFromEmissionAtDifficulty(1e6, 0, POW2_32, 60, 3_600_000)).toBeNull();
    expect(coinsPerDayFromEmissionAtDifficulty(1e6, 85_166, POW2_32, -60, 3_600_000)).toBeNull();
  });

  const RVN: CoinFigures = {
    ...NO_FIGURES,
    difficulty: 85_166,
    workFactor: POW2_32,
    blockTimeSeconds: 60,
    networkHashrate: 6_747_468_194_408,
    emissionPerDay: 3_600_000,
  };

  it('estimate uses the difficulty basis, not the share of the reported N', () => {
    const result = estimate(RVN, { ...IDLE_RIG, hashrate: 1e6 });
    expect(result.basis).toBe('difficulty');
    expectRelative(result.coinsPerDay, 0.590510520973579, 1e-13);
  });

  it('applies the miner share exactly once (CLORE: 50 % of the whole emission)', () => {
    // CLORE in the recording: emission 648,000/day, D 67,256, k 2^32, T 60 s, miner 50 %.
    // 67,256 × 4,294,967,296 = 288,862,320,459,776; 1e6 × 648,000 × 60 = 3.888e13;
    // 3.888e13 / 2.88862320459776e14 = 0.134596993952398, × 0.5 = 0.0672984969761990
    // (hashrate.no's coinEstimate 0.0672984835632, 2e-7 below).
    const clore: CoinFigures = { ...NO_FIGURES, difficulty: 67_256, workFactor: POW2_32, blockTimeSeconds: 60, networkHashrate: 4_863_035_494_918, emissionPerDay: 648_000, minerShare: 0.5 };
    const whole = estimate({ ...clore, minerShare: null }, { ...IDLE_RIG, hashrate: 1e6 });
    const miner = estimate(clore, { ...IDLE_RIG, hashrate: 1e6 });
    expectRelative(miner.coinsPerDay, (whole.coinsPerDay as number) * 0.5, 1e-15);
    expectRelative(miner.coinsPerDay, 0.067298496976199, 1e-13);
    // Already the miner's part (rewardBasis 'miner'): no share on top.
    expectRelative(estimate({ ...clore, rewardBasis: 'miner' }, { ...IDLE_RIG, hashrate: 1e6 }).coinsPerDay, whole.coinsPerDay as number, 1e-15);
  });

  it('without k (set aside by difficulty-mismatch) or T it falls back to the share of N', () => {
    // (1e6 / 6,747,468,194,408) × 3,600,000 = 0.533533452293042
    for (const coin of [{ ...RVN, workFactor: null }, { ...RVN, blockTimeSeconds: null }]) {
      const result = estimate(coin, { ...IDLE_RIG, hashrate: 1e6 });
      expect(result.basis).toBe('emission');
      expectRelative(result.coinsPerDay, 0.533533452293042, 1e-13);
    }
  });

  it('a block reward, where given, wins over the emission', () => {
    // 1e6 × 86,400 × 2,000 / 365,785,184,731,136 = 1.728e14 / 3.65785184731136e14 = 0.472408416778863
    const result = estimate({ ...RVN, blockReward: 2000 }, { ...IDLE_RIG, hashrate: 1e6 });
    expect(result.basis).toBe('difficulty');
    expectRelative(result.coinsPerDay, 0.472408416778863, 1e-13);
  });
});

describe('power cost', () => {
  it.each([
    // [watts, USD/kWh, USD/day] with W × 24 / 1000 × price
    [300, 0.1, 0.72], // 300 × 24 = 7200 Wh = 7.2 kWh × 0.10 = 0.72
    [1000, 0.05, 1.2], // 24 kWh × 0.05
    [3250, 0.12, 9.36], // 78 kWh × 0.12
    [0, 0.1, 0],
    [300, 0, 0],
  ])('%s W at $%s/kWh → $%s/day', (watts, price, expected) => {
    expect(powerCostUsdPerDay(watts, price)).toBeCloseTo(expected, 12);
  });

  it('never negative or NaN for nonsense input', () => {
    for (const [watts, price] of [
      [-300, 0.1],
      [300, -0.1],
      [Number.NaN, 0.1],
      [300, Number.NaN],
      [Number.POSITIVE_INFINITY, 0.1],
    ] as const) {
      expect(powerCostUsdPerDay(watts, price)).toBe(0);
    }
  });
});

// A plain coin for the behaviour tests, round figures: D = 1e12, k = 1, R = 10, T = 100, N = 1e10,
// so coins/day = H × 86,400 × 10 / 1e12 = H × 8.64e-7.
const PLAIN: CoinFigures = {
  blockTimeSeconds: 100,
  blockReward: 10,
  difficulty: 1e12,
  networkHashrate: 1e10,
  emissionPerDay: null,
  workFactor: 1,
  priceUsd: 2,
  priceBtc: 0.00005,
};

describe('pool fee, profit, revenue in BTC', () => {
  it('a 1 % fee keeps 99 % of the coins', () => {
    // H = 1e9: gross = 1e9 × 8.64e-7 = 864; with 1 % fee 864 × 0.99 = 855.36
    const noFee = estimate(PLAIN, { ...IDLE_RIG, hashrate: 1e9 });
    const withFee = estimate(PLAIN, { ...IDLE_RIG, hashrate: 1e9, poolFeePercent: 1 });
    expectRelative(noFee.coinsPerDay, 864, 1e-15);
    expectRelative(withFee.coinsPerDay, 855.36, 1e-15);
  });

  it.each([
    [0, 864],
    [2.5, 842.4], // 864 × 0.975
    [100, 0],
    [150, 0], // clamped to 100 %
    [-5, 864], // clamped to 0 %
    [Number.NaN, 864], // treated as no fee
  ])('fee %s %% → %s coins', (fee, coins) => {
    const result = estimate(PLAIN, { ...IDLE_RIG, hashrate: 1e9, poolFeePercent: fee });
    expect(result.coinsPerDay).toBeCloseTo(coins, 9);
  });

  it('profit = revenue − cost; revenue in BTC uses the BTC price', () => {
    // coins 864; revenue 864 × 2 = 1728 USD, 864 × 0.00005 = 0.0432 BTC;
    // cost 1500 W × 24 / 1000 × 0.1 = 3.6; profit 1728 − 3.6 = 1724.4
    const result = estimate(PLAIN, { hashrate: 1e9, powerWatts: 1500, electricityUsdPerKwh: 0.1, poolFeePercent: 0 });
    expectRelative(result.revenueUsdPerDay, 1728, 1e-15);
    expectRelative(result.revenueBtcPerDay, 0.0432, 1e-15);
    expectRelative(result.powerCostUsdPerDay, 3.6, 1e-15);
    expectRelative(result.profitUsdPerDay, 1724.4, 1e-15);
  });

  it('profit goes negative when power costs more than the coins earn', () => {
    // H = 1e3: coins 8.64e-4, revenue 1.728e-3; cost 3.6; profit −3.598272
    const result = estimate(PLAIN, { hashrate: 1e3, powerWatts: 1500, electricityUsdPerKwh: 0.1, poolFeePercent: 0 });
    expectRelative(result.profitUsdPerDay, -3.598272, 1e-13);
  });
});

describe('network share, joining, solo', () => {
  it('share H/N and joined share H/(N+H)', () => {
    // H = 1e9, N = 1e10: share 0.1; joined 1e9 / 1.1e10 = 0.0909090909090909
    // coins 864 (difficulty form); joined: 864 × N/(N+H) = 864 / 1.1 = 785.454545454545
    const result = estimate(PLAIN, { ...IDLE_RIG, hashrate: 1e9 });
    expectRelative(result.networkShare, 0.1, 1e-15);
    expectRelative(result.networkShareJoined, 0.0909090909090909, 1e-14);
    expectRelative(result.coinsPerDayJoined, 785.454545454545, 1e-14);
  });

  it('a rig as large as the network: share 1, joined 1/2, half the coins', () => {
    // H = N = 1e10: share 1, joined 1e10 / 2e10 = 0.5; coins 1e10 × 8.64e-7 = 8640, joined 4320
    const result = estimate(PLAIN, { ...IDLE_RIG, hashrate: 1e10 });
    expectRelative(result.networkShare, 1, 1e-15);
    expectRelative(result.networkShareJoined, 0.5, 1e-15);
    expectRelative(result.coinsPerDayJoined, 4320, 1e-15);
  });

  it('uses N = D·k/T when the network hashrate is missing', () => {
    // N = 1e12 × 1 / 100 = 1e10, the same as PLAIN's, so the same 0.1
    const result = estimate({ ...PLAIN, networkHashrate: null }, { ...IDLE_RIG, hashrate: 1e9 });
    expectRelative(result.networkShare, 0.1, 1e-15);
  });

  it('solo: D·k/H seconds, else T·N/H', () => {
    // D·k/H = 1e12 / 1e9 = 1000 s = 1000 / 86,400 = 0.0115740740740741 days
    expectRelative(soloSecondsToBlock(PLAIN, 1e9), 1000, 1e-15);
    expectRelative(estimate(PLAIN, { ...IDLE_RIG, hashrate: 1e9 }).soloDaysToBlock, 0.0115740740740741, 1e-14);
    // no difficulty: T·N/H = 60 × 1e15 / 1e12 = 60,000 s = 0.694444444444444 days
    const noDifficulty = { ...PLAIN, difficulty: null, blockTimeSeconds: 60, networkHashrate: 1e15 };
    expectRelative(soloSecondsToBlock(noDifficulty, 1e12), 60_000, 1e-15);
    expectRelative(estimate(noDifficulty, { ...IDLE_RIG, hashrate: 1e12 }).soloDaysToBlock, 0.694444444444444, 1e-14);
    // zero difficulty is no difficulty: the T·N/H form again
    expectRelative(soloSecondsToBlock({ ...noDifficulty, difficulty: 0 }, 1e12), 60_000, 1e-15);
    expect(soloSecondsToBlock(PLAIN, 0)).toBeNull();
    expect(soloSecondsToBlock(NO_FIGURES, 1e9)).toBeNull();
  });

  it.each([
    // [t seconds, expected seconds, P = 1 − e^(−t/E)]
    [86_400, 86_400, 0.632120558828558], // 1 − e^−1
    [0, 86_400, 0],
    [43_200, 86_400, 0.393469340287367], // 1 − e^−0.5
    [864_000, 86_400, 0.999954600070238], // 1 − e^−10
    [1, 1e20, 1e-20], // 1 − e^−1e-20 ≈ 1e-20 (expm1 keeps it; 1 − exp would give 0)
  ])('P(block within %s s | E = %s s) = %s', (t, expected, p) => {
    expectRelative(probabilityOfBlockWithin(t, expected), p, 1e-14);
  });

  it('probability is null without an expectation or with negative time', () => {
    expect(probabilityOfBlockWithin(86_400, null)).toBeNull();
    expect(probabilityOfBlockWithin(86_400, 0)).toBeNull();
    expect(probabilityOfBlockWithin(-1, 86_400)).toBeNull();
    expect(probabilityOfBlockWithin(Number.NaN, 86_400)).toBeNull();
    expect(probabilityOfBlockWithin(Number.POSITIVE_INFINITY, 86_400)).toBe(1);
  });
});

describe('perPeriod', () => {
  it.each([
    // 24 per day: hour 24/24 = 1, day 24, week 24 × 7 = 168, month 24 × 30 = 720
    ['hour', 1],
    ['day', 24],
    ['week', 168],
    ['month', 720],
  ] as const)('24 per day per %s = %s', (period, expected) => {
    expect(perPeriod(24, period)).toBeCloseTo(expected, 12);
  });

  it('keeps the sign of a loss', () => {
    // −1.5/day × 30 = −45
    expect(perPeriod(-1.5, 'month')).toBeCloseTo(-45, 12);
  });
});

describe('missing figures give null, not NaN', () => {
  const rig: RigFigures = { hashrate: 1e9, powerWatts: 1500, electricityUsdPerKwh: 0.1, poolFeePercent: 1 };

  function expectNoNaN(result: Estimate): void {
    for (const [key, value] of Object.entries(result)) {
      if (typeof value === 'number') expect(Number.isFinite(value), key).toBe(true);
    }
  }

  it('no price: coins yes, revenue and profit null, cost still computed', () => {
    const result = estimate({ ...PLAIN, priceUsd: null, priceBtc: null }, rig);
    expectRelative(result.coinsPerDay, 855.36, 1e-15);
    expect(result.revenueUsdPerDay).toBeNull();
    expect(result.revenueBtcPerDay).toBeNull();
    expect(result.profitUsdPerDay).toBeNull();
    expectRelative(result.powerCostUsdPerDay, 3.6, 1e-15);
    expectNoNaN(result);
  });

  it('a NaN or negative price is no price', () => {
    for (const priceUsd of [Number.NaN, -2]) {
      const result = estimate({ ...PLAIN, priceUsd }, rig);
      expect(result.revenueUsdPerDay).toBeNull();
      expect(result.profitUsdPerDay).toBeNull();
      expectNoNaN(result);
    }
  });

  it('no figures at all: everything null except the power cost', () => {
    const result = estimate(NO_FIGURES, rig);
    expect(result).toEqual({
      basis: null,
      coinsPerDay: null,
      revenueUsdPerDay: null,
      revenueBtcPerDay: null,
      powerCostUsdPerDay: 3.6,
      profitUsdPerDay: null,
      networkShare: null,
      networkShareJoined: null,
      coinsPerDayJoined: null,
      soloDaysToBlock: null,
    });
  });

  it.each([0, -1e12, Number.NaN, Number.POSITIVE_INFINITY])('difficulty %s is no difficulty basis', (difficulty) => {
    const onlyDifficulty = estimate({ ...NO_FIGURES, difficulty, workFactor: 1, blockReward: 10, priceUsd: 2 }, rig);
    expect(onlyDifficulty.basis).toBeNull();
    expect(onlyDifficulty.coinsPerDay).toBeNull();
    expect(onlyDifficulty.profitUsdPerDay).toBeNull();
    expectNoNaN(onlyDifficulty);
    const withBlockTime = estimate({ ...PLAIN, difficulty }, rig);
    expect(withBlockTime.basis).toBe('block-time');
    // (1e9 / 1e10) × (86,400 / 100) × 10 × 0.99 = 0.1 × 864 × 10 × 0.99 = 855.36
    expectRelative(withBlockTime.coinsPerDay, 855.36, 1e-14);
    expectNoNaN(withBlockTime);
  });

  it('no k (multi-chain or unverified) is no difficulty basis', () => {
    const result = estimate({ ...PLAIN, workFactor: null }, rig);
    expect(result.basis).toBe('block-time');
  });

  it('pure formulas return null for missing or non-positive network figures', () => {
    expect(coinsPerDayFromDifficulty(1e9, 0, 1, 10)).toBeNull();
    expect(coinsPerDayFromDifficulty(1e9, 1e12, 0, 10)).toBeNull();
    expect(coinsPerDayFromDifficulty(1e9, 1e12, 1, -10)).toBeNull();
    expect(coinsPerDayFromDifficulty(Number.NaN, 1e12, 1, 10)).toBeNull();
    expect(coinsPerDayFromBlockTime(1e9, 0, 60, 10)).toBeNull();
    expect(coinsPerDayFromBlockTime(1e9, 1e10, 0, 10)).toBeNull();
    expect(coinsPerDayFromEmission(1e9, 0, 100)).toBeNull();
    expect(coinsPerDayFromEmission(1e9, 1e10, Number.NaN)).toBeNull();
    expect(impliedNetworkHashrate(null, 1, 60)).toBeNull();
    expect(impliedNetworkHashrate(1e12, null, 60)).toBeNull();
    expect(impliedNetworkHashrate(1e12, 1, 0)).toBeNull();
  });

  it('a zero hashrate earns zero, not null, and has no solo expectation', () => {
    const result = estimate(PLAIN, { ...rig, hashrate: 0 });
    expect(result.coinsPerDay).toBe(0);
    expect(result.networkShare).toBe(0);
    expect(result.soloDaysToBlock).toBeNull();
    expectRelative(result.profitUsdPerDay, -3.6, 1e-15);
  });
});
