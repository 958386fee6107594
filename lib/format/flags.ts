// Words for a coin's flags: the data carries a code and its figures (lib/model/types.ts), and this
// is the one place that turns them into the sentence a miner reads (tooltips, the coin page).
import type { HashrateUnit } from '@/lib/mining/algorithms';
import type { CoinFlag, CoinFlagCode } from '@/lib/model/types';
import { LIQUIDITY_WARN, NETWORK_SHARE_WARN, RENTABLE_MAJORITY, THIN_VOLUME_USD, type RiskCode } from '@/lib/risk/risk';
import { formatAge, formatHashrate, formatPercent, formatSignificant, formatUsd } from './units';

/** Short badge text, and whether the flag is a warning. */
export const FLAG_BADGES: Readonly<Record<CoinFlagCode, { label: string; bad: boolean }>> = {
  lagging: { label: 'lagging', bad: true },
  'difficulty-mismatch': { label: 'D ≠ N', bad: true },
  'no-price': { label: 'no market', bad: true },
  'no-volume': { label: 'no trading', bad: true },
  'stale-source': { label: 'stale', bad: true },
  'price-disagreement': { label: 'prices differ', bad: true },
  'volatile-difficulty': { label: 'jumpy difficulty', bad: true },
  'source-disagreement': { label: 'sources differ', bad: true },
};

const HASHRATE_UNITS: readonly HashrateUnit[] = ['H/s', 'Sol/s', 'G/s'];

const FIGURE_LABEL: Readonly<Record<string, string>> = {
  difficulty: 'Difficulty',
  networkHashrate: 'Network hashrate',
  blockReward: 'Block reward',
  blockTimeSeconds: 'Block time',
};

const num = (flag: CoinFlag, key: string): number | null => {
  const value = flag.figures[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};
const text = (flag: CoinFlag, key: string): string | null => {
  const value = flag.figures[key];
  return typeof value === 'string' ? value : null;
};
const times = (ratio: number | null) => (ratio === null ? '' : ` (×${formatSignificant(ratio, 3)})`);

/** The sentence for one flag, from its figures; a flag without its figures still reads correctly. */
export function describeFlag(flag: CoinFlag): string {
  switch (flag.code) {
    case 'source-disagreement': {
      const figure = FIGURE_LABEL[text(flag, 'figure') ?? ''] ?? 'A figure';
      const theirs = num(flag, 'theirs');
      const own = num(flag, 'own');
      const ratio = num(flag, 'ratio');
      if (theirs === null || own === null) return `${figure}: an aggregator disagrees with the coin's own chain; estimates use the chain's figure.`;
      return (
        `${figure}: ${text(flag, 'source') ?? 'an aggregator'} reports ${formatSignificant(theirs, 4)}, ×${formatSignificant(ratio, 3)} ` +
        `the coin's own chain (${formatSignificant(own, 4)}); estimates use the chain's figure.`
      );
    }
    case 'difficulty-mismatch': {
      const unit = HASHRATE_UNITS.find((u) => u === text(flag, 'unit')) ?? 'H/s';
      const implied = num(flag, 'implied');
      const reported = num(flag, 'reported');
      if (implied === null || reported === null) return 'Difficulty and the reported network hashrate disagree; estimates use the reported network hashrate.';
      return (
        `Difficulty ${formatSignificant(num(flag, 'difficulty'), 6)} implies ${formatHashrate(implied, unit)}, but the source ` +
        `reports ${formatHashrate(reported, unit)}${times(num(flag, 'ratio'))}; estimates use the reported network hashrate.`
      );
    }
    case 'price-disagreement':
      return `CoinGecko's price is ×${formatSignificant(num(flag, 'ratio'), 3)} the ${text(flag, 'against') ?? 'source'} price; check the market.`;
    case 'no-price':
      return 'No market price: revenue cannot be estimated.';
    case 'no-volume':
      return 'No trading in the last 24 h: you may not be able to sell.';
    case 'lagging': {
      const lag = num(flag, 'lagSeconds');
      if (lag === null) return 'The source marks this coin’s data as lagging.';
      const updated = text(flag, 'updatedAt');
      return `The source’s figures for this coin are ${formatAge(lag)} old${updated ? ` (last updated ${updated})` : ''}.`;
    }
    case 'stale-source':
      return 'Its source failed on the last refresh; these are its last good figures.';
    case 'volatile-difficulty': {
      const cv = num(flag, 'cv');
      return (
        `Difficulty varied by ${cv === null ? 'a lot' : formatPercent(cv)} (coefficient of variation) over 24 h: ` +
        'profit-switching pools come and go; prefer an averaged basis.'
      );
    }
  }
}

/** Short badge text of a row's risk codes (the table and the CSV). */
export const RISK_BADGES: Readonly<Record<RiskCode, string>> = {
  'no-market': 'no market',
  'thin-market': 'thin market',
  illiquid: `output > ${formatPercent(LIQUIDITY_WARN)} of volume`,
  'big-share': 'big share',
  'rentable-majority': 'rentable 51 %',
};

/** The reasoning behind a risk badge, with the thresholds it uses (defined once, in lib/risk). */
export function describeRisk(code: RiskCode, figures: { liquidity: number | null }): string {
  switch (code) {
    case 'no-market':
      return 'No price, or nothing traded in 24 h: what you mine may not sell.';
    case 'thin-market':
      return `Under ${formatUsd(THIN_VOLUME_USD)} traded in 24 h: selling moves the price.`;
    case 'illiquid':
      return `Your daily output would be ${figures.liquidity === null ? '?' : formatPercent(figures.liquidity)} of a day's trading.`;
    case 'big-share':
      return `Your rig would be more than ${formatPercent(NETWORK_SHARE_WARN)} of the network hashrate.`;
    case 'rentable-majority':
      return `NiceHash has enough hashrate for rent to take ${formatPercent(RENTABLE_MAJORITY)} of this network or more.`;
  }
}
