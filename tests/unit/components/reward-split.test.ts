// The coin page's split line (issue 14), rendered to static HTML: cited schedule, live template,
// and "reward split not verified".
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { RewardSplit } from '@/components/reward-split';

const base = {
  tag: 'NEOX',
  height: null,
  updatedAt: '2024-03-16T00:00:00.000Z',
  blockReward: 5000,
  rewardBasis: 'whole' as const,
  minerShare: 0.45,
  minerShareFrom: 'schedule' as const,
  minerReward: 2250,
};
const render = (coin: Parameters<typeof RewardSplit>[0]['coin']) => renderToStaticMarkup(createElement(RewardSplit, { coin }));
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#x27;|&apos;/g, "'");

describe('RewardSplit', () => {
  it('a cited schedule: "miner 45 % of 5,000 NEOX; masternodes 45 %, dev fund 10 %, since the genesis block"', () => {
    const html = render(base);
    expect(text(html)).toBe('Reward split: miner 45 % of 5,000 NEOX; masternodes 45 %, dev fund 10 %, since the genesis block (source).');
    expect(html).toContain('href="https://neoxa.net/whitepaper/"');
  });

  it('a schedule that starts at a height says so (ZEC at NU6, block 2,726,400)', () => {
    const html = render({ ...base, tag: 'ZEC', height: 2_800_000, blockReward: 1.5625, minerShare: 0.8 });
    expect(text(html)).toContain('miner 80 % of 1.5625 ZEC; dev fund 12 %, treasury 8 %, since block 2,726,400');
  });

  it("the live template's payees: the miner's part in coins", () => {
    const coin = { ...base, tag: 'DASHX', minerShare: 0.4499999996, minerShareFrom: 'template' as const, blockReward: 6.25012345, minerReward: 2.81255555 };
    expect(text(render(coin))).toContain('Reward split: miner 45 % (2.81256 of 6.25012 DASHX per block)');
  });

  it('no cited split: "reward split not verified", whole block or miner part as the source says', () => {
    // A made-up tag, so citing another real coin's split never changes this case.
    const unknown = { ...base, tag: 'NOSPLITX', minerShare: null, minerShareFrom: null, minerReward: null };
    expect(text(render(unknown))).toBe(
      'Reward split not verified: the estimate counts the whole block the source reports.',
    );
    expect(text(render({ ...unknown, rewardBasis: 'miner' }))).toContain("already the miner's part");
  });
});
