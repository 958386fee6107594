// The coin page's formula where the source gives only a daily emission (hashrate.no): R is shown
// with its derivation, emission × T / 86400, and the split line counts the same R.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EstimatePanel } from '@/components/coin/estimate-panel';
import { RewardSplit } from '@/components/reward-split';
import { buildCoinView, rewardDerivationText } from '@/lib/ranking/coin-view';
import { embeddedSnapshot } from '@/lib/snapshot/embedded';
import { KAWPOW_RIG_STATE, liveSnapshot, rvnLike } from '../../support/snapshots';

const state = KAWPOW_RIG_STATE;
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#x27;|&apos;/g, "'");

describe('the coin page formula for an emission-only coin', () => {
  const snapshot = embeddedSnapshot();
  const coin = (tag: string) => snapshot.coins.find((c) => c.tag === tag)!;

  it('RVN (hashrate.no 2024-03-16): R = 3,600,000 RVN/day × 60 s / 86,400 s = 2,500 RVN', () => {
    // The recording's RVN row: emission "3600000" RVN a day, no block reward; T = 60 s (coin-facts).
    // By hand: 3,600,000 × 60 = 216,000,000; / 86,400 = 2,500 RVN a block.
    const rvn = coin('RVN');
    expect(rvn.blockReward).toBeNull();
    const view = buildCoinView(snapshot, rvn, state);
    expect(view.basisFormula).toBe('H × 86400 × R / (D × k)');
    expect(view.rewardDerivation).toBe('R = 3,600,000 RVN/day × 60 s / 86,400 s = 2,500 RVN');
    expect(view.blockReward).toBe(2500);
    // The split line counts the same R: the whole block to the miner (RVN's cited split is 100 %).
    const line = text(renderToStaticMarkup(createElement(RewardSplit, { coin: view.coin, blockReward: view.blockReward })));
    expect(line).toMatch(/^Reward split: miner 100 % of 2,500 RVN, since /);
  });

  it('the coin page panel prints the formula with R derived, and the split line with the same R', () => {
    const rvn = coin('RVN');
    const html = renderToStaticMarkup(createElement(EstimatePanel, { view: buildCoinView(snapshot, rvn, state), rankingHref: '/' }));
    expect(text(html)).toContain('Basis: H × 86400 × R / (D × k), R = 3,600,000 RVN/day × 60 s / 86,400 s = 2,500 RVN.');
    expect(text(html)).toContain('Reward split: miner 100 % of 2,500 RVN, since the genesis block');
  });

  it('CLORE: R = 648,000 × 60 / 86,400 = 450 CLORE; the miner 50 % of it, 225 CLORE', () => {
    const view = buildCoinView(snapshot, coin('CLORE'), state);
    expect(view.rewardDerivation).toBe('R = 648,000 CLORE/day × 60 s / 86,400 s = 450 CLORE');
    expect(view.coin.minerReward).toBeCloseTo(225, 9);
    const line = text(renderToStaticMarkup(createElement(RewardSplit, { coin: view.coin, blockReward: view.blockReward })));
    expect(line).toContain('Reward split: miner 50 % of 450 CLORE');
  });

  it('PEPEW and OCV: R from the emission at the cited T matches each chain subsidy; the miner reward counts the cited split', () => {
    // PEPEW: 21,600,000 × 20 / 86,400 = 5,000 PEPEW (GetBlockSubsidy after block 773,800); × 61.75 % = 3,087.5.
    // No k for MemeHash, so the estimate is the share of N and the formula shows no R; the split line does.
    const pepew = buildCoinView(snapshot, coin('PEPEW'), state);
    expect(pepew.blockReward).toBe(5000);
    expect(pepew.coin.minerReward).toBeCloseTo(3087.5, 9);
    expect(pepew.rewardDerivation).toBeNull();
    const line = text(renderToStaticMarkup(createElement(RewardSplit, { coin: pepew.coin, blockReward: pepew.blockReward })));
    expect(line).toContain('Reward split: miner 61.8 % of 5,000 PEPEW; masternodes 33.3 %, dev fund 5 %, since block 1,065,650');
    // OCV: 14,400 × 300 / 86,400 = 50 OCV, GetBlockSubsidy's 50 before the first halving; all to the miner.
    expect(coin('OCV').minerReward).toBe(50);
  });

  it("a source's own block reward is shown as R with no derivation", () => {
    const live = liveSnapshot([rvnLike('RVN')]);
    const view = buildCoinView(live, live.coins[0]!, state);
    expect(view.rewardDerivation).toBeNull();
    expect(view.blockReward).toBe(2500);
  });

  it('words a fractional emission and block time with their units', () => {
    // NEOX-like: 3,294,915.2542373 a day × 60 s / 86,400 s = 2,288.135593 → 6 significant digits.
    expect(rewardDerivationText('NEOX', 3_294_915.2542373, 60, (3_294_915.2542373 * 60) / 86_400)).toBe(
      'R = 3,294,915.254 NEOX/day × 60 s / 86,400 s = 2,288.14 NEOX',
    );
  });
});
