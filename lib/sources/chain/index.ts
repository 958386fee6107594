// Single-chain sources: one entry point that dispatches on the source's kind, and the one-line
// message the add-coin page shows after a live check.
import type { HashrateUnit } from '@/lib/mining/algorithms';
import { formatHashrate, formatSignificant, numberFormat } from '@/lib/format/units';
import { fetchBitcoinRpc } from './bitcoin-rpc';
import { fetchBlockbook } from './blockbook';
import { fetchIquidus } from './iquidus';
import { fetchMoneroRpc } from './monero-rpc';
import type { ChainFetchOptions, ChainSource, ChainStats } from './types';
import { fetchYiimp } from './yiimp';

export { AddressRefusedError } from '@/lib/infra/net-guard';
export { ChainConfigError } from './request';

/** Asks the source for its figures; throws UpstreamError, SchemaError, ChainConfigError or AddressRefusedError. */
export function fetchChainStats(source: ChainSource, opts: ChainFetchOptions): Promise<ChainStats> {
  switch (source.kind) {
    case 'bitcoin-rpc':
      return fetchBitcoinRpc(source, opts);
    case 'monero-rpc':
      return fetchMoneroRpc(source, opts);
    case 'blockbook':
      return fetchBlockbook(source, opts);
    case 'iquidus':
      return fetchIquidus(source, opts);
    case 'yiimp':
      return fetchYiimp(source, opts);
  }
}

/**
 * "reached the source: difficulty 12,345.68 at height 987,654, network 353 GH/s, reward 6.25
 * per block". Figures the source did not give are left out.
 */
export function describeChainStats(stats: ChainStats, unitLabel: HashrateUnit = 'H/s'): string {
  const parts: string[] = [];
  if (stats.difficulty !== null) parts.push(`difficulty ${formatFigure(stats.difficulty)}`);
  if (stats.height !== null) {
    const height = numberFormat({ maximumFractionDigits: 0 }).format(stats.height);
    parts.push(parts.length > 0 ? `at height ${height}` : `height ${height}`);
  }
  const main = parts.join(' ');
  const extras: string[] = [];
  if (stats.networkHashrate !== null) extras.push(`network ${formatHashrate(stats.networkHashrate, unitLabel)}`);
  if (stats.blockReward !== null) extras.push(`reward ${formatFigure(stats.blockReward)} per block`);
  const all = [main, ...extras].filter((text) => text !== '');
  return all.length > 0 ? `reached the source: ${all.join(', ')}` : 'reached the source, but it gave no figures';
}

/** Whole digits kept (a difficulty is checked against the explorer by eye), two decimals; small values by significant digits. */
function formatFigure(value: number): string {
  return value >= 1 ? numberFormat({ maximumFractionDigits: 2 }).format(value) : formatSignificant(value, 6);
}
