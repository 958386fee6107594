// lib/sources/nicehash.ts: the schema, the normalizer, and the pinned unit of `paying`.
// Evidence for the unit is in the adapter's header comment; the checks here tie it to the
// recorded websocket message and to what mining actually earned.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getAlgorithm } from '@/lib/mining/algorithms';
import { rentalAttackCost } from '@/lib/risk/risk';
import { SchemaError } from '@/lib/sources/http';
import {
  fetchNiceHashPrices,
  NICEHASH_ALGORITHM_IDS,
  NICEHASH_ALGORITHMS,
  NICEHASH_SIMPLEMULTIALGO_PATH,
  niceHashSmaMessageSchema,
  normalizeNiceHash,
  normalizeNiceHashSma,
  REST_PAYING_TO_BTC_PER_HASH_PER_DAY,
  SMA_PAYING_TO_BTC_PER_HASH_PER_DAY,
  type NiceHashPrice,
} from '@/lib/sources/nicehash';

const ROOT = path.resolve(__dirname, '../../..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

const SMA = 'tests/fixtures/nicehash-nhmws_sma_message-unknown.json';
const REST_DERIVED = 'tests/fixtures/nicehash-simplemultialgo-derived.json';

const bySlug = (prices: NiceHashPrice[], slug: string): NiceHashPrice => {
  const price = prices.find((p) => p.algorithm === slug);
  if (!price) throw new Error(`no ${slug}`);
  return price;
};

const MH = 1e6;

describe('the recorded websocket sma message', () => {
  it('parses: 24 [id, paying] pairs and the stable list', () => {
    const message = niceHashSmaMessageSchema.parse(readJson(SMA));
    expect(message.data).toHaveLength(24);
    expect(message.stable).toBe('[58,20,57]');
    expect(message.data.find(([id]) => id === 20)?.[1]).toBe(8.7230958832e-4);
  });

  it('maps 16 algorithms to our slugs and skips the other 8 with a reason', () => {
    const { data, skipped } = normalizeNiceHashSma(readJson(SMA));
    expect(data.map((p) => p.algorithm).sort()).toEqual(
      [
        'autolykos2', 'beamhash', 'blake14r', 'cuckatoo32', 'cuckoocycle', 'eaglesong', 'equihash',
        'equihash-125-4', 'equihash-144-5', 'ethash', 'kawpow', 'lbry', 'lyra2rev2', 'neoscrypt', 'octopus', 'randomx',
      ].sort(),
    );
    expect(skipped.map((s) => s.name).sort()).toEqual(
      ['BLAKE2S', 'CRYPTONIGHTR', 'GRINCUCKATOO31', 'HANDSHAKE', 'KECCAK', 'LYRA2Z', 'X16R', 'X16RV2'].sort(),
    );
    expect(skipped.find((s) => s.name === 'KECCAK')?.reason).toBe('unknown NiceHash algorithm "KECCAK"');
    // The sma message has no speeds.
    expect(data.every((p) => p.rentableHashrate === null)).toBe(true);
  });
});

describe('the pinned unit of paying', () => {
  it('sma paying is BTC per GH/s per day: × 1e-9 gives BTC per H/s per day (NiceHashMiner Mult)', () => {
    expect(SMA_PAYING_TO_BTC_PER_HASH_PER_DAY).toBe(1e-9);
    const ethash = bySlug(normalizeNiceHashSma(readJson(SMA)).data, 'ethash');
    expect(ethash.niceHashAlgorithm).toBe('DAGGERHASHIMOTO');
    expect(ethash.payingBtcPerHashPerDay).toBeCloseTo(8.7230958832e-13, 24);
  });

  it('REST paying is satoshi per H/s per day: × 1e-8 (NiceHash docs "sat/[H/Sol/G]/day"; UG-Miner ÷ 100000000)', () => {
    expect(REST_PAYING_TO_BTC_PER_HASH_PER_DAY).toBe(1e-8);
    // So the same price reads 10× larger in sma than in REST.
    expect(SMA_PAYING_TO_BTC_PER_HASH_PER_DAY / REST_PAYING_TO_BTC_PER_HASH_PER_DAY).toBeCloseTo(0.1, 15);
  });

  it('DaggerHashimoto against what 1 MH/s of Ethash earned in 2021–22', () => {
    // Ethash 2021–22, approximate public figures: ~13,500 ETH a day of block and uncle rewards plus
    // fees (more before EIP-1559) over 400–1,000 TH/s of network → 1.4e-5 to 4.5e-5 ETH per MH/s a
    // day; ETH/BTC moved between ~0.03 and ~0.08 → roughly 5e-7 to 4e-6 BTC per MH/s a day.
    const low = 5e-7;
    const high = 4e-6;
    const perMh = 8.7230958832e-4 * SMA_PAYING_TO_BTC_PER_HASH_PER_DAY * MH;
    // 8.72e-7 BTC per MH/s a day: inside.
    expect(perMh).toBeGreaterThan(low);
    expect(perMh).toBeLessThan(high);
    // The other readings fall outside: satoshi per H/s (× 1e-8) gives 8.7e-6, BTC per MH/s gives 8.7e-4.
    const asSatoshiPerHash = 8.7230958832e-4 * 1e-8 * MH;
    const asBtcPerMh = 8.7230958832e-4;
    expect(asSatoshiPerHash).toBeGreaterThan(high);
    expect(asBtcPerMh).toBeGreaterThan(high);
  });

  it('RandomX (Monero) against what 1 H/s earned in 2021–22', () => {
    // Monero 2021–22, approximate: 720 blocks a day at 0.6–0.85 XMR over 2.2–3.0 GH/s → 1.4e-7 to
    // 2.8e-7 XMR per H/s a day; XMR/BTC ~0.004–0.008 → about 5e-10 to 2.5e-9 BTC per H/s a day.
    const randomx = bySlug(normalizeNiceHashSma(readJson(SMA)).data, 'randomx');
    // 0.94013160126 × 1e-9 = 9.4e-10: inside; the × 1e-8 reading (9.4e-9) is not.
    expect(randomx.payingBtcPerHashPerDay).toBeCloseTo(9.4013160126e-10, 20);
    expect(randomx.payingBtcPerHashPerDay).toBeGreaterThan(5e-10);
    expect(randomx.payingBtcPerHashPerDay).toBeLessThan(2.5e-9);
    expect(0.94013160126 * 1e-8).toBeGreaterThan(2.5e-9);
  });

  it('a 2019-era REST value reads right as satoshi per Sol/s: Equihash (Zcash)', () => {
    // REST body of mid-2019 (angelbbs/NiceHashMinerLegacy NiceHashStats.cs comment): EQUIHASH
    // "paying":"0.52896534". Zcash then, approximate: 576 blocks a day × 10 ZEC to miners over
    // ~4–6 GSol/s, ZEC ~$45–65, BTC ~$10–12k → about 3e-9 to 8e-9 BTC per Sol/s a day.
    const { data } = normalizeNiceHash({ miningAlgorithms: [{ algorithm: 'EQUIHASH', title: 'Equihash', speed: '93243187.89508205', paying: '0.52896534' }] });
    const equihash = bySlug(data, 'equihash');
    // 0.52896534 × 1e-8 = 5.29e-9: inside; as BTC per GH/s (× 1e-9) it would be 5.3e-10, outside.
    expect(equihash.payingBtcPerHashPerDay).toBeCloseTo(5.2896534e-9, 18);
    expect(equihash.payingBtcPerHashPerDay).toBeGreaterThan(3e-9);
    expect(equihash.payingBtcPerHashPerDay).toBeLessThan(8e-9);
    expect(0.52896534 * 1e-9).toBeLessThan(3e-9);
  });
});

describe('the derived REST fixture (sma values ÷ 10, in satoshi per H/s per day)', () => {
  it('normalizes to the same BTC per H/s per day as the recorded sma message', () => {
    const rest = normalizeNiceHash(readJson(REST_DERIVED));
    const sma = normalizeNiceHashSma(readJson(SMA));
    expect(rest.data.map((p) => p.algorithm)).toEqual(sma.data.map((p) => p.algorithm));
    for (const price of rest.data) {
      const expected = bySlug(sma.data, price.algorithm).payingBtcPerHashPerDay;
      expect(Math.abs(price.payingBtcPerHashPerDay - expected)).toBeLessThanOrEqual(1e-12 * expected);
    }
    expect(rest.skipped.map((s) => s.name).sort()).toEqual(sma.skipped.map((s) => s.name).sort());
  });

  it('has no speeds (none was recorded), so no rentable hashrate', () => {
    expect(normalizeNiceHash(readJson(REST_DERIVED)).data.every((p) => p.rentableHashrate === null)).toBe(true);
  });
});

describe('REST schema and normalizer', () => {
  it.each([[[]], [{ algorithms: [] }], [{ miningAlgorithms: {} }], [null], ['x']])('rejects the wrong shape %j', (raw) => {
    expect(() => normalizeNiceHash(raw)).toThrow(SchemaError);
  });

  it('skips a bad entry with its reason and keeps the rest; throws when none parse', () => {
    const { data, skipped } = normalizeNiceHash({
      miningAlgorithms: [
        { algorithm: 'KAWPOW', title: 'KAWPOW', speed: '1', paying: 'abc' },
        { algorithm: 'SCRYPT', title: 'Scrypt', speed: '564155.85754444', paying: '0.0000286' },
      ],
    });
    expect(data).toHaveLength(1);
    expect(skipped).toEqual([{ name: 'KAWPOW', reason: expect.stringMatching(/^invalid entry at paying/) }]);
    expect(() => normalizeNiceHash({ miningAlgorithms: [{ algorithm: 'KAWPOW', paying: 'abc' }] })).toThrow(SchemaError);
  });

  it('skips unknown algorithms, missing and negative paying, and a second entry for one slug', () => {
    const { data, skipped } = normalizeNiceHash({
      miningAlgorithms: [
        { algorithm: 'NOTANALGO', paying: '1' },
        { algorithm: 'KAWPOW', paying: '' },
        { algorithm: 'AUTOLYKOS', paying: '-0.5' },
        { algorithm: 'ETCHASH', paying: '0.0001' },
        { algorithm: 'etchash', paying: '0.0002' },
      ],
    });
    expect(data.map((p) => p.algorithm)).toEqual(['etchash']);
    expect(skipped).toEqual([
      { name: 'NOTANALGO', reason: 'unknown NiceHash algorithm "NOTANALGO"' },
      { name: 'KAWPOW', reason: 'no paying value' },
      { name: 'AUTOLYKOS', reason: 'unusable paying -0.5' },
      { name: 'etchash', reason: 'second entry for algorithm etchash' },
    ]);
  });

  it('keeps a paying of 0 (no orders), which the attack cost reads as no rental market', () => {
    const { data } = normalizeNiceHash({ miningAlgorithms: [{ algorithm: 'SHA256ASICBOOST', speed: '25169.20379566', paying: '0' }] });
    const sha = bySlug(data, 'sha256d');
    expect(sha.payingBtcPerHashPerDay).toBe(0);
    expect(
      rentalAttackCost({ networkHashrate: 6e20, payingBtcPerHashPerDay: sha.payingBtcPerHashPerDay, btcUsd: 80_000, rentableHashrate: sha.rentableHashrate })
        .status,
    ).toBe('no-rental-market');
  });

  it('converts speed to base units only where a recording pins its unit', () => {
    // 2019-era REST speeds against stats/global/current `s` (H/s) recorded beside them:
    // EQUIHASH 93,243,187.9 (Sol/s) vs 92,562,376.9; SHA256ASICBOOST 25,169.2 (TH/s) vs 22,669 TH/s.
    const { data } = normalizeNiceHash({
      miningAlgorithms: [
        { algorithm: 'EQUIHASH', speed: '93243187.89508205', paying: '0.52896534' },
        { algorithm: 'SHA256ASICBOOST', speed: '25169.20379566', paying: '0.00000001' },
        { algorithm: 'DAGGERHASHIMOTO', speed: '160409.04034574', paying: '0.00012791' },
      ],
    });
    const equihash = bySlug(data, 'equihash').rentableHashrate!;
    expect(equihash).toBeCloseTo(93_243_187.89508205, 6);
    expect(Math.abs(equihash / 9.256237693262306e7 - 1)).toBeLessThan(0.01);
    const sha = bySlug(data, 'sha256d').rentableHashrate!;
    expect(sha).toBeCloseTo(2.516920379566e16, -4);
    expect(Math.abs(sha / 2.2669463285282112e16 - 1)).toBeLessThan(0.12);
    // DaggerHashimoto's speed matched no unit (160,409 vs 2.98e12 H/s): unknown, not guessed.
    expect(bySlug(data, 'ethash').rentableHashrate).toBeNull();
  });
});

describe('the algorithm map', () => {
  it('maps every NiceHash name to one of our algorithm slugs', () => {
    for (const [name, slug] of Object.entries(NICEHASH_ALGORITHMS)) {
      expect(getAlgorithm(slug), `${name} → ${slug}`).toBeDefined();
    }
  });

  it.each([
    ['KAWPOW', 'kawpow'],
    ['SCRYPT', 'scrypt'],
    ['SHA256ASICBOOST', 'sha256d'],
    ['DAGGERHASHIMOTO', 'ethash'],
    ['ETCHASH', 'etchash'],
    ['AUTOLYKOS', 'autolykos2'],
    ['RANDOMXMONERO', 'randomx'],
    ['KHEAVYHASH', 'kheavyhash'],
    ['ALEPHIUM', 'blake3'],
  ])('%s → %s', (name, slug) => {
    expect(NICEHASH_ALGORITHMS[name]).toBe(slug);
  });

  it('names the sma ids as NiceHashMiner does', () => {
    expect(NICEHASH_ALGORITHM_IDS[20]).toBe('DAGGERHASHIMOTO');
    expect(NICEHASH_ALGORITHM_IDS[52]).toBe('KAWPOW');
    expect(NICEHASH_ALGORITHM_IDS[57]).toBe('AUTOLYKOS');
    expect(NICEHASH_ALGORITHM_IDS[47]).toBe('RANDOMXMONERO');
  });
});

describe('fetchNiceHashPrices', () => {
  let server: Server;
  let baseUrl: string;
  const paths: string[] = [];

  beforeAll(async () => {
    const body = readFileSync(path.join(ROOT, REST_DERIVED), 'utf8');
    server = createServer((req, res) => {
      paths.push(req.url ?? '');
      if (req.url === NICEHASH_SIMPLEMULTIALGO_PATH) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('GETs /main/api/v2/public/simplemultialgo/info and normalizes it', async () => {
    const { data } = await fetchNiceHashPrices({ baseUrl: `${baseUrl}/`, timeoutMs: 5000 });
    expect(paths.at(-1)).toBe('/main/api/v2/public/simplemultialgo/info');
    expect(bySlug(data, 'kawpow').payingBtcPerHashPerDay).toBeCloseTo(1.3467389424e-12, 22);
  });
});
