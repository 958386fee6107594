// WhatToMine's own 2022 Ergo figures reproduced through the whole path (normalize → merge → estimate):
// the five recorded /coins/340.json calls (tests/fixtures/whattomine-coins_340-2022-09-14.log.txt)
// give estimated_rewards for 177 MH/s with a 4 % fee: H × 86400 × block_reward / (D × 1) × 0.96.
// WhatToMine's block_reward is the miner's part, so the miner share must not scale it again.
// First call: 177e6 × 86400 × 48.0072 / 3,432,748,316,360,704 × 0.96 = 0.205320 ERG/day; WhatToMine 0.205316.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { estimate } from '@/lib/mining/profit';
import { mergeSources } from '@/lib/snapshot/merge';
import { emptyPayload } from '@/lib/sources/contract';
import { normalizeWhatToMine } from '@/lib/sources/whattomine';

const bodies = readFileSync('tests/fixtures/whattomine-coins_340-2022-09-14.log.txt', 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line.slice(line.indexOf('{')).replace(/,\s*$/, '')) as Record<string, unknown>);

describe('WhatToMine 2022 Ergo: estimated_rewards within 1 %', () => {
  it.each(bodies.map((body, i) => [i, body] as const))('call %i', (_i, body) => {
    const { data } = normalizeWhatToMine({ coins: { 'ergo-340': body } }, 'gpu');
    const fetchedAt = data.coins[0]!.updatedAt!;
    const snapshot = mergeSources(
      [
        {
          status: { id: 'whattomine-gpu', name: 'wtm', url: 'http://127.0.0.1/wtm', ok: true, fetchedAt, error: null, stale: false, coins: 1 },
          payload: { ...emptyPayload(), coins: data.coins },
        },
      ],
      'live',
    );
    const erg = snapshot.coins[0]!;
    expect(erg.rewardBasis).toBe('miner');
    const ours = estimate(erg, { hashrate: 177e6, powerWatts: 0, electricityUsdPerKwh: 0, poolFeePercent: 4 }).coinsPerDay!;
    const theirs = Number(body.estimated_rewards);
    expect(Math.abs(ours / theirs - 1)).toBeLessThan(0.01);
  });
});
