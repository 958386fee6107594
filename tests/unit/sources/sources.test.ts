// Schema and normalizer tests for lib/sources against the recorded upstream responses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { normalizeCoinGecko } from '@/lib/sources/coingecko';
import { normalizeHashrateNo, hashrateNoCoinSchema } from '@/lib/sources/hashrateno';
import { parseRetryAfter, SchemaError } from '@/lib/sources/http';
import { parseNumericString, upstreamNumber } from '@/lib/sources/parse';
import { normalizeWhatToMine, whatToMineCoinSchema } from '@/lib/sources/whattomine';
import { networkStatsSchema, type NetworkStats } from '@/lib/model/types';

const ROOT = path.resolve(__dirname, '../../..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

const WTM_2017 = 'tests/fixtures/whattomine-coins-2017-09-07.json';
const WTM_ASIC = 'tests/fixtures/whattomine-asic-derived.json';
const WTM_340_LOG = 'tests/fixtures/whattomine-coins_340-2022-09-14.log.txt';
const CG_PRICE = 'tests/fixtures/coingecko-simple_price-2026-09-27.json';
const HRN = 'lib/snapshot/embedded/hashrateno-v1_coins-2024-03-16.json';

type WtmList = { coins: Record<string, Record<string, unknown>> };
const wtm2017 = () => structuredClone(readJson(WTM_2017)) as WtmList;
const byTag = (coins: NetworkStats[], tag: string) => {
  const coin = coins.find((c) => c.tag === tag);
  if (!coin) throw new Error(`no ${tag}`);
  return coin;
};

describe('parse helpers', () => {
  it.each([
    ['1,314.4536', 1314.4536],
    ['$293,869.92', 293869.92],
    ['$1,792,259,205.78', 1792259205.78],
    ['-$0.02', -0.02],
    ['5.7106939733697E-5', 5.7106939733697e-5],
    ['248528526.637168141592920353982300885', 248528526.63716814],
    ['113.0', 113],
    [' 42 ', 42],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumericString(text)).toBe(value);
  });

  it.each(['NaN', 'Infinity', '', '1,2', '12,34.5', '1e999', 'abc', '$', '-', '0x10'])('rejects %j', (text) => {
    expect(parseNumericString(text)).toBeUndefined();
  });

  it('maps the -1 sentinel to null, as number or string, and keeps 0', () => {
    expect(upstreamNumber.parse(-1)).toBeNull();
    expect(upstreamNumber.parse('-1')).toBeNull();
    expect(upstreamNumber.parse('-1.5')).toBe(-1.5);
    expect(upstreamNumber.parse(0)).toBe(0);
  });

  it('reads a blank string as null (no value), not 0', () => {
    expect(upstreamNumber.parse('')).toBeNull();
    expect(upstreamNumber.parse('  ')).toBeNull();
  });

  it('rejects "NaN" and non-finite numbers with an issue instead of producing a number', () => {
    const nan = upstreamNumber.safeParse('NaN');
    expect(nan.success).toBe(false);
    expect(nan.error?.issues[0]?.message).toBe('not a finite number: "NaN"');
    expect(upstreamNumber.safeParse(Number.POSITIVE_INFINITY).success).toBe(false);
    expect(upstreamNumber.safeParse(true).success).toBe(false);
  });

  it('reads Retry-After as seconds or as an HTTP-date', () => {
    const now = Date.UTC(2026, 9, 1, 12, 0, 0);
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter(new Date(now + 90_000).toUTCString(), now)).toBe(90);
    // A date in the past means "now", not a negative wait.
    expect(parseRetryAfter(new Date(now - 5_000).toUTCString(), now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('WhatToMine coins.json 2017 recording', () => {
  const result = normalizeWhatToMine(readJson(WTM_2017), 'gpu');

  it('parses every entry: 42 in, 32 coins, the 10 NiceHash pseudo-coins skipped', () => {
    expect(Object.keys(wtm2017().coins)).toHaveLength(42);
    expect(result.data.coins).toHaveLength(32);
    expect(result.skipped).toHaveLength(10);
    expect(result.skipped.every((s) => s.reason === 'NiceHash pseudo-coin' && s.name.startsWith('Nicehash-'))).toBe(true);
    expect(result.skipped.map((s) => s.name)).toContain('Nicehash-Blake (14r)');
  });

  it('every normalized coin satisfies NetworkStats (finite or null, never NaN)', () => {
    for (const coin of result.data.coins) expect(networkStatsSchema.parse(coin)).toEqual(coin);
  });

  it('normalizes Monero to base units', () => {
    expect(byTag(result.data.coins, 'XMR')).toEqual({
      tag: 'XMR',
      name: 'Monero',
      algorithm: 'cryptonight',
      blockTimeSeconds: 113,
      blockReward: 6.479568622035124,
      difficulty: 28083723510,
      networkHashrate: 248528526.63716814,
      emissionPerDay: null,
      priceUsd: null,
      priceBtc: 0.02581008,
      volume24hUsd: null,
      lagging: false,
      updatedAt: '2017-09-07T19:00:29.000Z', // timestamp 1504810829
      // WhatToMine's own 24 h averages: difficulty24, block_reward24, exchange_rate24 (BTC).
      averages: {
        '24h': {
          difficulty: 26991071668.6476,
          networkHashrate: null,
          blockReward: 6.48433135901421,
          priceUsd: null,
          priceBtc: 0.0262272652813853,
          source: 'upstream',
          points: null,
        },
      },
    });
  });

  it('keeps Equihash in Sol/s and maps the other spellings', () => {
    const zec = byTag(result.data.coins, 'ZEC');
    expect(zec.algorithm).toBe('equihash');
    expect(zec.networkHashrate).toBeCloseTo(260802613.44219, 4);
    expect(byTag(result.data.coins, 'SC').algorithm).toBe('blake2b');
    expect(byTag(result.data.coins, 'DCR').algorithm).toBe('blake14r');
    expect(byTag(result.data.coins, 'DGB')).toMatchObject({ name: 'DGB-Groestl', algorithm: 'myriad-groestl' });
  });

  it('returns volumes in BTC by tag, 0 kept as 0, and no BTC/USD in the GPU list', () => {
    expect(result.data.volume24hBtcByTag.XMR).toBe(1372.69838234);
    expect(result.data.volume24hBtcByTag.HAL).toBe(0);
    expect(result.data.volume24hBtcByTag.NICEHASH).toBeUndefined();
    expect(Object.keys(result.data.volume24hBtcByTag)).toHaveLength(32);
    expect(result.data.btcUsd).toBeNull();
  });

  it('parses the string figures: BCN "1,314.4536", market caps in "$…"', () => {
    const raw = wtm2017();
    const bcn = whatToMineCoinSchema.parse(raw.coins.Bytecoin);
    expect(bcn.estimated_rewards).toBe(1314.4536);
    expect(bcn.estimated_rewards24).toBe(1360.8517);
    expect(whatToMineCoinSchema.parse(raw.coins.Monero).market_cap).toBe(1792259205.78);
    expect(byTag(result.data.coins, 'BCN').blockReward).toBe(4630.684372312622);
  });

  it('skips an unknown algorithm, naming it', () => {
    const raw = wtm2017();
    raw.coins.Monero!.algorithm = 'CryptoNight-R9000';
    const { data, skipped } = normalizeWhatToMine(raw, 'gpu');
    expect(data.coins).toHaveLength(31);
    expect(skipped).toContainEqual({ name: 'Monero', reason: 'unknown algorithm "CryptoNight-R9000"' });
  });

  it('turns zero, negative and -1 figures into null, never 0', () => {
    const raw = wtm2017();
    Object.assign(raw.coins.Monero!, { difficulty: 0, nethash: '-1', block_time: '-5.0', exchange_rate: 0, block_reward: -1 });
    const xmr = byTag(normalizeWhatToMine(raw, 'gpu').data.coins, 'XMR');
    expect(xmr).toMatchObject({ difficulty: null, networkHashrate: null, blockTimeSeconds: null, priceBtc: null, blockReward: null });
  });

  it('skips an entry with a "NaN" figure, naming the path, and keeps the rest', () => {
    const raw = wtm2017();
    raw.coins.Monero!.difficulty = 'NaN';
    const { data, skipped } = normalizeWhatToMine(raw, 'gpu');
    expect(data.coins.map((c) => c.tag)).not.toContain('XMR');
    expect(data.coins).toHaveLength(31);
    expect(skipped).toContainEqual({ name: 'Monero', reason: 'invalid entry at difficulty: not a finite number: "NaN"' });
  });

  it('throws SchemaError naming the first bad path for the wrong shape', () => {
    expect(() => normalizeWhatToMine({ coins: ['Monero'] }, 'gpu')).toThrow(SchemaError);
    expect(() => normalizeWhatToMine({ coins: ['Monero'] }, 'gpu')).toThrow('whattomine-gpu: unexpected response shape at coins:');
    expect(() => normalizeWhatToMine([], 'asic')).toThrow('whattomine-asic: unexpected response shape at (root):');
    // Entries present but none usable: a changed format, not bad coins.
    expect(() => normalizeWhatToMine({ coins: { A: { foo: 1 } } }, 'gpu')).toThrow(/at A\.tag:/);
  });
});

describe('WhatToMine single-coin 2022 recording (newer fields)', () => {
  // One `"dd-MM-yyyy HH:mm:ss":{…},` per line; the body is the JSON object after the first colon-brace.
  const bodies = readFileSync(path.join(ROOT, WTM_340_LOG), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line.slice(line.indexOf('{')).replace(/,\s*$/, '')) as Record<string, unknown>);

  it('parses all 5 bodies with the same entry schema', () => {
    expect(bodies).toHaveLength(5);
    const parsed = bodies.map((body) => whatToMineCoinSchema.parse(body));
    expect(parsed[0]).toMatchObject({ name: 'Ergo', difficulty3: 3365291191159527, block_reward7: 48.06493313329096, profit: -0.02, revenue: 0.92 });
  });

  it('normalizes Ergo with its own name and the autolykos2 slug', () => {
    const { data, skipped } = normalizeWhatToMine({ coins: { 'ergo-340': bodies[0] } }, 'gpu');
    expect(skipped).toEqual([]);
    expect(data.coins[0]).toMatchObject({
      tag: 'ERG',
      name: 'Ergo',
      algorithm: 'autolykos2',
      blockTimeSeconds: 126,
      difficulty: 3432748316360704,
      networkHashrate: 27244034256830,
      priceBtc: 0.00020649955034411966,
      updatedAt: '2022-09-11T12:50:18.000Z', // timestamp 1662900618
    });
    expect(data.volume24hBtcByTag).toEqual({ ERG: 57.61830394614301 });
  });
});

describe('WhatToMine asic.json (derived test data)', () => {
  const { data, skipped } = normalizeWhatToMine(readJson(WTM_ASIC), 'asic');

  it('reads BTC/USD from the BTC row and prices BTC at 1 BTC', () => {
    expect(skipped).toEqual([]);
    expect(data.coins.map((c) => c.tag)).toEqual(['BTC', 'LTC', 'DOGE', 'KAS']);
    expect(data.btcUsd).toBe(68154.34627401);
    expect(byTag(data.coins, 'BTC')).toMatchObject({ algorithm: 'sha256d', priceBtc: 1, priceUsd: null, networkHashrate: 525807248285000007680 });
    // No exchange_rate_vol in the derived rows, so no volumes are claimed.
    expect(data.volume24hBtcByTag).toEqual({});
  });

  it('reads a string block reward and maps the ASIC algorithms', () => {
    expect(byTag(data.coins, 'KAS')).toMatchObject({ algorithm: 'kheavyhash', blockReward: 123.47084601, blockTimeSeconds: 1 });
    expect(byTag(data.coins, 'DOGE')).toMatchObject({ algorithm: 'scrypt', blockReward: 10000, priceBtc: 2.226376016e-6 });
    expect(byTag(data.coins, 'LTC').updatedAt).toBe('2024-03-16T00:00:00.000Z');
  });
});

describe('hashrate.no /v1/coins 2024-03-16 recording', () => {
  const raw = readJson(HRN) as Array<Record<string, string>>;
  const { data, skipped } = normalizeHashrateNo(raw, '2024-03-16T00:00:00Z');

  it('normalizes all 97 coins: every algorithm is in our catalog', () => {
    expect(raw).toHaveLength(97);
    expect(data).toHaveLength(97);
    expect(skipped).toEqual([]);
    for (const coin of data) expect(networkStatsSchema.parse(coin)).toEqual(coin);
  });

  it('parses every entry with the schema: -1 %-changes stay -1, the 8 blank ones are null', () => {
    const parsed = raw.map((entry) => hashrateNoCoinSchema.parse(entry));
    expect(parsed.filter((e) => e.coinEstimate30d === null).map((e) => e.coin)).toEqual([
      'DGB-SHA', 'DIS', 'EVR', 'HTN', 'OBN', 'SDR', 'SMT', 'URSA',
    ]);
    expect(parsed.find((e) => e.coin === 'BTG')?.usdPrice1h).toBe(-1);
    expect(parsed.find((e) => e.coin === 'CFX')?.usdPrice24h).toBe(-1);
    expect(parsed.find((e) => e.coin === 'ABEL')?.coinEstimateUnit).toBe('Mh');
  });

  it('normalizes BTC and KAS', () => {
    expect(byTag(data, 'BTC')).toEqual({
      tag: 'BTC',
      name: 'Bitcoin',
      algorithm: 'sha256d',
      blockTimeSeconds: null,
      blockReward: null,
      difficulty: 83947913181361,
      networkHashrate: 525807248285000007680,
      emissionPerDay: 787.90708532742,
      priceUsd: 68154.34627401,
      priceBtc: null,
      volume24hUsd: null,
      lagging: false,
      updatedAt: '2024-03-16T00:00:00Z',
      averages: {},
    });
    expect(byTag(data, 'KAS')).toMatchObject({ algorithm: 'kheavyhash', emissionPerDay: 10667881.095264, networkHashrate: 183753527904140000 });
  });

  it('parses exponent strings', () => {
    expect(byTag(data, 'AVN').priceUsd).toBe(8.426624878049e-5);
    expect(byTag(data, 'NOVO').priceUsd).toBe(1.713527812311e-6);
  });

  it('turns the 15 zero difficulties and the one zero hashrate into null', () => {
    expect(data.filter((c) => c.difficulty === null).map((c) => c.tag)).toEqual([
      'BBC', 'BTRM', 'CRNC', 'FSC', 'GPRX', 'MAXE', 'MECU', 'NIKI', 'RHX', 'RTC', 'SKYT', 'SMT', 'SUBI', 'VARSE', 'ZIL',
    ]);
    expect(data.filter((c) => c.networkHashrate === null).map((c) => c.tag)).toEqual(['ETI']);
    expect(data.filter((c) => c.priceUsd === null || c.emissionPerDay === null)).toEqual([]);
  });

  it('keeps Equihash-family in Sol/s and cuckoo in G/s as given', () => {
    expect(byTag(data, 'ZEC')).toMatchObject({ algorithm: 'equihash', networkHashrate: 10645317137 });
    expect(byTag(data, 'FLUX')).toMatchObject({ algorithm: 'equihash-125-4', networkHashrate: 3366613 });
    expect(byTag(data, 'GRIN')).toMatchObject({ algorithm: 'cuckatoo32', networkHashrate: 10290 });
  });

  it('skips unknown algorithms and bad entries with reasons; rejects a non-array', () => {
    const copy = structuredClone(raw);
    copy[0]!.algo = 'quantumhash';
    copy[1]!.usdPrice = 'NaN';
    copy[2]!.usdPrice = '0';
    const result = normalizeHashrateNo(copy, null);
    expect(result.data).toHaveLength(95);
    expect(result.skipped).toEqual([
      { name: 'AE', reason: 'invalid entry at usdPrice: not a finite number: "NaN"' },
      { name: 'ABEL', reason: 'unknown algorithm "quantumhash"' },
    ]);
    expect(byTag(result.data, 'AIPG')).toMatchObject({ priceUsd: null, updatedAt: null });
    expect(() => normalizeHashrateNo({ coins: [] }, null)).toThrow(SchemaError);
  });
});

describe('CoinGecko simple/price 2026-09-27 recording', () => {
  it('normalizes bitcoin and ethereum and takes BTC/USD from bitcoin', () => {
    const { data, skipped } = normalizeCoinGecko(readJson(CG_PRICE), ['bitcoin', 'ethereum']);
    expect(skipped).toEqual([]);
    expect(data.btcUsd).toBe(84449);
    expect(data.btcEur).toBeNull(); // this recording asked for USD only
    expect(data.quotes).toEqual([
      { id: 'bitcoin', priceUsd: 84449, volume24hUsd: 21971999782.491917, updatedAt: null },
      { id: 'ethereum', priceUsd: 2686.81, volume24hUsd: 8197000559.4700575, updatedAt: null },
    ]);
  });

  it('skips 0, -1, "NaN" and missing prices with reasons, never a 0 price', () => {
    const { data, skipped } = normalizeCoinGecko(
      {
        zero: { usd: 0 },
        sentinel: { usd: -1, usd_24h_vol: 5 },
        nan: { usd: 'NaN' },
        empty: {},
        ok: { usd: 1.5, usd_24h_vol: -1, last_updated_at: 1700000000 },
      },
      ['ok', 'zero', 'delisted'],
    );
    expect(data.quotes).toEqual([{ id: 'ok', priceUsd: 1.5, volume24hUsd: null, updatedAt: '2023-11-14T22:13:20.000Z' }]);
    expect(data.btcUsd).toBeNull();
    expect(skipped).toEqual([
      { name: 'nan', reason: 'invalid entry at usd: not a finite number: "NaN"' },
      { name: 'zero', reason: 'unusable USD price 0' },
      { name: 'sentinel', reason: 'no USD price' },
      { name: 'empty', reason: 'no USD price' },
      { name: 'delisted', reason: 'not in the response (unknown id?)' },
    ]);
  });

  it('reads BTC/EUR from bitcoin’s eur field, for the EUR switch', () => {
    // Shape as documented for vs_currencies=usd,eur; the figures are made up for the test.
    const { data } = normalizeCoinGecko({ bitcoin: { usd: 84449, eur: 72000, usd_24h_vol: 1 } });
    expect(data.btcEur).toBe(72000);
    expect(normalizeCoinGecko({ bitcoin: { usd: 84449, eur: 0 } }).data.btcEur).toBeNull();
  });

  it('throws SchemaError for an array body', () => {
    expect(() => normalizeCoinGecko([{ id: 'bitcoin' }])).toThrow('coingecko: unexpected response shape at (root):');
  });
});
