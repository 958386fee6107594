import { describeFlag } from '@/lib/format/flags';
import { describe, expect, it } from 'vitest';
import { mergeSources, type SourceInput } from '@/lib/snapshot/merge';
import { networkStats } from '../../support/factories';
import { type NetworkStats, type SourceId, type SourceStatus } from '@/lib/model/types';
import { emptyPayload, type SourcePayload } from '@/lib/sources/contract';

const FETCHED = '2026-11-24T12:00:00.000Z';

const status = (id: SourceId, overrides: Partial<SourceStatus> = {}): SourceStatus => ({
  id,
  name: id,
  url: `http://127.0.0.1/${id}`,
  ok: true,
  fetchedAt: FETCHED,
  error: null,
  stale: false,
  coins: 0,
  ...overrides,
});

const stats = (tag: string, overrides: Partial<NetworkStats> = {}) =>
  networkStats(tag, { updatedAt: FETCHED, ...overrides });

const input = (id: SourceId, partial: Partial<SourcePayload>, s: Partial<SourceStatus> = {}): SourceInput => ({
  status: status(id, s),
  payload: { ...emptyPayload(), ...partial },
});

describe('mergeSources', () => {
  it('prices a coin from CoinGecko by its explicit id, and converts BTC volume with BTC/USD', () => {
    const snapshot = mergeSources(
      [
        input('whattomine-gpu', {
          coins: [stats('RVN', { priceBtc: 5e-7 }), stats('EVR', { priceBtc: 1e-8 })],
          volume24hBtcByTag: { RVN: 10, EVR: 0.5 },
        }),
        input('coingecko', {
          // ENEFTIVERSE shares the ticker EVR with Evrmore: it must never price Evrmore.
          quotes: [
            { id: 'ravencoin', priceUsd: 0.03, volume24hUsd: 12_000_000, updatedAt: null },
            { id: 'eneftiverse', priceUsd: 99, volume24hUsd: 1, updatedAt: null },
          ],
          btcUsd: 60_000,
        }),
      ],
      'live',
    );
    const rvn = snapshot.coins.find((c) => c.tag === 'RVN')!;
    expect(rvn).toMatchObject({ priceUsd: 0.03, priceSource: 'coingecko', volume24hUsd: 12_000_000, priceBtc: 5e-7 });
    // 5e-7 BTC × 60,000 USD/BTC = 0.03 USD: the two prices agree, no flag.
    expect(rvn.flags.map((f) => f.code)).not.toContain('price-disagreement');
    const evr = snapshot.coins.find((c) => c.tag === 'EVR')!;
    // 1e-8 BTC × 60,000 = 0.0006 USD from WhatToMine; 0.5 BTC × 60,000 = 30,000 USD volume.
    expect(evr.priceUsd).toBeCloseTo(0.0006, 12);
    expect(evr.priceSource).toBe('whattomine-gpu');
    expect(evr.volume24hUsd).toBeCloseTo(30_000, 6);
    expect(snapshot.btcUsd).toBe(60_000);
    expect(snapshot.eurPerUsd).toBeNull(); // no BTC/EUR from the price source: no EUR at all
  });

  it('takes EUR per USD from the price source’s own BTC/EUR and BTC/USD', () => {
    const snapshot = mergeSources([input('coingecko', { btcUsd: 80_000, btcEur: 72_000 })], 'live');
    expect(snapshot.eurPerUsd).toBeCloseTo(0.9, 12); // 72,000 / 80,000
  });

  it('flags two prices more than 25 % apart', () => {
    const snapshot = mergeSources(
      [
        input('whattomine-gpu', { coins: [stats('RVN', { priceBtc: 1e-6 })] }),
        input('coingecko', { quotes: [{ id: 'ravencoin', priceUsd: 0.03, volume24hUsd: 1, updatedAt: null }], btcUsd: 60_000 }),
      ],
      'live',
    );
    // WhatToMine: 1e-6 × 60,000 = 0.06 USD; CoinGecko 0.03: ratio 0.5.
    expect(snapshot.coins[0]!.flags).toContainEqual(expect.objectContaining({ code: 'price-disagreement' }));
  });

  it("reads hashrate.no's Kaspa difficulty in its own 2^32 convention: no mismatch (issue 14)", () => {
    // Kaspa as hashrate.no recorded it (2024-03-16): D = 43,494,007 at hashrate.no's k = 2^32 and
    // 1 block/s implies 43,494,007 × 4,294,967,296 = 186,805,337,636,995,072 H/s, 1.66 % above the
    // reported 1.8375e17 H/s. Read with the node's k = 2 it would imply 86,988,014 H/s (2^31 off).
    const snapshot = mergeSources(
      [
        input('embedded', {
          coins: [
            stats('KAS', {
              algorithm: 'kheavyhash',
              blockTimeSeconds: null,
              blockReward: null,
              difficulty: 43494007,
              networkHashrate: 183753527904140000,
              emissionPerDay: 10667881.095264,
              updatedAt: '2024-03-16T00:00:00.000Z',
            }),
          ],
        }),
      ],
      'embedded',
    );
    const kas = snapshot.coins[0]!;
    expect(kas.workFactor).toBe(2 ** 32);
    expect(kas.impliedNetworkHashrate).toBe(43494007 * 2 ** 32);
    expect(kas.flags.map((f) => f.code)).not.toContain('difficulty-mismatch');
  });

  it('flags a difficulty that disagrees with the reported network hashrate and drops k', () => {
    // The same Kaspa figures from the coin's own node, whose convention is k = 2: D = 43,494,007 at
    // 1 block/s implies 86,988,014 H/s, but the reported network hashrate is 1.8375e17 H/s.
    const snapshot = mergeSources(
      [
        input('chain:KAS', {
          coins: [
            stats('KAS', {
              algorithm: 'kheavyhash',
              blockTimeSeconds: null,
              blockReward: null,
              difficulty: 43494007,
              networkHashrate: 183753527904140000,
              emissionPerDay: 10667881.095264,
              updatedAt: '2024-03-16T00:00:00.000Z',
            }),
          ],
        }),
      ],
      'embedded',
    );
    const kas = snapshot.coins[0]!;
    expect(kas.blockTimeSeconds).toBe(1); // from the coin catalog: pre-Crescendo
    expect(kas.impliedNetworkHashrate).toBe(86_988_014);
    expect(kas.workFactor).toBeNull();
    expect(kas.flags.map((f) => f.code)).toContain('difficulty-mismatch');
    expect(snapshot.stale).toBe(true); // embedded data is never presented as live
  });

  it('uses Kaspa’s 0.1 s block time for data taken after Crescendo (2025-05-05)', () => {
    const snapshot = mergeSources(
      [input('whattomine-asic', { coins: [stats('KAS', { algorithm: 'kheavyhash', blockTimeSeconds: null })] })],
      'live',
    );
    expect(snapshot.coins[0]!.blockTimeSeconds).toBe(0.1);
  });

  it('applies per-coin difficulty conventions (KMD k = 16) and keeps consistent coins unflagged', () => {
    // WhatToMine 2017: KMD D = 18,726,560.439376, T = 59 s, nethash = D × 16 / 59 = 5,078,389.27 Sol/s.
    const snapshot = mergeSources(
      [
        input('whattomine-gpu', {
          coins: [
            stats('KMD', {
              algorithm: 'equihash',
              blockTimeSeconds: 59,
              blockReward: 3,
              difficulty: 18726560.439376,
              networkHashrate: 5078389.271695186,
            }),
          ],
        }),
      ],
      'live',
    );
    const kmd = snapshot.coins[0]!;
    expect(kmd.workFactor).toBe(16);
    expect(kmd.impliedNetworkHashrate).toBeCloseTo(5078389.2717, 3);
    expect(kmd.flags.map((f) => f.code)).not.toContain('difficulty-mismatch');
  });

  it('flags a coin whose figures the source last updated more than an hour before the fetch', () => {
    const snapshot = mergeSources(
      [
        input('whattomine-gpu', {
          coins: [
            stats('OLD', { updatedAt: '2017-09-07T19:03:13.000Z' }),
            stats('NEW', { updatedAt: '2026-11-24T11:30:00.000Z' }), // 30 min before the fetch
          ],
        }),
      ],
      'live',
    );
    const [old, fresh] = snapshot.coins;
    const lagging = old!.flags.find((f) => f.code === 'lagging')!;
    expect(lagging.figures).toMatchObject({ updatedAt: '2017-09-07T19:03:13.000Z' });
    expect(describeFlag(lagging)).toBe('The source’s figures for this coin are 9.2 years old (last updated 2017-09-07T19:03:13.000Z).');
    expect(fresh!.flags.map((f) => f.code)).not.toContain('lagging');
  });

  it('says so when a coin has no price, rather than pricing it at 0', () => {
    const snapshot = mergeSources([input('whattomine-gpu', { coins: [stats('XYZ')] })], 'live');
    expect(snapshot.coins[0]!.priceUsd).toBeNull();
    expect(snapshot.coins[0]!.flags.map((f) => f.code)).toEqual(['no-price']);
  });

  it('takes network figures from the first source that has the coin, and lags are flagged', () => {
    const snapshot = mergeSources(
      [
        input('whattomine-gpu', { coins: [stats('RVN', { difficulty: 1, networkHashrate: null, lagging: true })] }),
        input('hashrateno', { coins: [stats('RVN', { difficulty: 2 }), stats('CLORE')] }),
      ],
      'live',
    );
    expect(snapshot.coins.map((c) => [c.tag, c.source, c.difficulty])).toEqual([
      ['RVN', 'whattomine-gpu', 1],
      ['CLORE', 'hashrateno', 85166],
    ]);
    expect(snapshot.coins[0]!.flags.map((f) => f.code)).toContain('lagging');
  });
});
