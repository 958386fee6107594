// The add-pool-site form: fields in, a pool site or an error by field out; a site's reading as the
// check shows it (codes and figures), and the message for a site that gives nothing usable.
import { describe, expect, it } from 'vitest';

import { checkFromReading, emptyReadingMessage, poolSiteFromValues, poolSiteValuesFromForm } from '@/lib/registry/add-pool-site';
import type { PoolSiteReading } from '@/lib/sources/pools/site';
import { networkStats } from '../../support/factories';

describe('poolSiteFromValues', () => {
  it('normalizes a good site (trailing slash off)', () => {
    expect(poolSiteFromValues({ poolKind: 'miningcore', poolUrl: ' https://pool.example/ ' })).toEqual({
      success: true,
      site: { kind: 'miningcore', url: 'https://pool.example' },
    });
  });

  it('names the field of each problem', () => {
    const errors = (values: Record<string, string>) => {
      const parsed = poolSiteFromValues(values);
      return parsed.success ? null : parsed.fieldErrors;
    };
    expect(errors({ poolKind: 'miningcore', poolUrl: '' })).toEqual({ poolUrl: expect.stringMatching(/^is required/) as string });
    expect(errors({ poolKind: 'miningcore', poolUrl: 'ftp://pool.example' })).toEqual({ poolUrl: 'must be an http:// or https:// URL' });
    expect(errors({ poolKind: 'miningcore', poolUrl: 'https://me:secret@pool.example' })?.poolUrl).toMatch(/user name or password/);
    expect(errors({ poolKind: 'mpos', poolUrl: 'https://pool.example' })).toEqual({
      poolKind: 'must be one of miningcore, nomp, cryptonote-pool, yiimp',
    });
  });

  it('keeps only its own fields from the form, each at most 500 characters', () => {
    const form = new Map<string, unknown>([['poolKind', 'nomp'], ['poolUrl', `https://${'a'.repeat(600)}`], ['tag', 'X']]);
    const values = poolSiteValuesFromForm(form);
    expect(Object.keys(values).sort()).toEqual(['poolKind', 'poolUrl']);
    expect(values.poolUrl).toHaveLength(500);
  });
});

describe('checkFromReading', () => {
  const reading: PoolSiteReading = {
    pools: [
      {
        tag: 'KPX', kind: 'miningcore', url: 'https://pool.example', poolId: 'kpx1', feePercent: 1, payoutScheme: 'PPLNS', minimumPayout: 5,
        poolHashrate: 1e11, miners: 20, networkHashrate: 1e12, networkDifficulty: 13969.838619232178, lastBlockAt: null, blocks24h: 2,
        blocks24hAtLeast: false, effortPercent: 100, orphanRate: 0, settledBlocks: 1,
      },
    ],
    coins: [networkStats('KPX', { name: 'KawPow stand-in', difficulty: 13969.838619232178, networkHashrate: 1e12, blockReward: 1000 })],
    heights: { KPX: 250000 },
    skipped: [{ poolId: 'odd1', symbol: 'ODD', algorithm: 'Frobnicate', code: 'unknown-algorithm' }],
  };

  it('carries the pools, the coins with their height, and what was left out, as figures and codes', () => {
    expect(checkFromReading(reading)).toEqual({
      pools: [{ tag: 'KPX', poolId: 'kpx1', feePercent: 1, poolHashrate: 1e11, networkHashrate: 1e12, miners: 20 }],
      coins: [{ tag: 'KPX', name: 'KawPow stand-in', algorithm: 'kawpow', difficulty: 13969.838619232178, networkHashrate: 1e12, blockReward: 1000, height: 250000 }],
      skipped: [{ poolId: 'odd1', symbol: 'ODD', algorithm: 'Frobnicate', code: 'unknown-algorithm' }],
    });
    expect(emptyReadingMessage(reading)).toBeNull();
  });

  it('says so when the site answered with nothing usable', () => {
    expect(emptyReadingMessage({ pools: [], coins: [], heights: {}, skipped: [] })).toBe('the site answered but runs no pool');
    expect(emptyReadingMessage({ ...reading, pools: [], coins: [] })).toMatch(/none of its 1 pools has a coin this app can rank/);
  });
});
