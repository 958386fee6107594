// Bounds shared by the chain adapters: a figure that is zero, negative, not finite or beyond any
// real chain is unknown (null), never 0, NaN or Infinity.
import type { ChainStats } from './types';
import { MAX_HASHRATE } from '@/lib/format/units';
import { positiveOrNull } from '../parse';

export const MAX_HEIGHT = 1e9;
export const MAX_DIFFICULTY = 1e30;
export const MAX_BLOCK_REWARD = 1e12;
export const MAX_BLOCK_TIME_SECONDS = 86_400;
/** Bitcoin's genesis block, 2009-01-03: no chain stamp is older. */
const EARLIEST_MS = Date.UTC(2009, 0, 3);
/** Clock skew tolerated in a source's stamp. */
const FUTURE_SLACK_MS = 86_400_000;

function bounded(value: number | null | undefined, max: number): number | null {
  const positive = positiveOrNull(value);
  return positive !== null && positive <= max ? positive : null;
}

function plausibleIso(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const at = Date.parse(value);
  if (Number.isNaN(at) || at < EARLIEST_MS || at > Date.now() + FUTURE_SLACK_MS) return null;
  return new Date(at).toISOString();
}

export type RawChainFigures = { [K in keyof ChainStats]?: ChainStats[K] | undefined };

/** Applies the bounds to every figure; heights must be whole. */
export function chainStats(raw: RawChainFigures): ChainStats {
  const height = bounded(raw.height, MAX_HEIGHT);
  return {
    height: height !== null && Number.isInteger(height) ? height : null,
    difficulty: bounded(raw.difficulty, MAX_DIFFICULTY),
    networkHashrate: bounded(raw.networkHashrate, MAX_HASHRATE),
    blockReward: bounded(raw.blockReward, MAX_BLOCK_REWARD),
    blockTimeSeconds: bounded(raw.blockTimeSeconds, MAX_BLOCK_TIME_SECONDS),
    updatedAt: plausibleIso(raw.updatedAt),
    ...(raw.rewardBasis !== undefined ? { rewardBasis: raw.rewardBasis } : {}),
    // Zero payees is a real figure (a template that pays nobody else); negative or huge is unknown.
    ...(raw.blockRewardToOthers !== undefined
      ? { blockRewardToOthers: raw.blockRewardToOthers === 0 ? 0 : bounded(raw.blockRewardToOthers, MAX_BLOCK_REWARD) }
      : {}),
  };
}

/** Atomic units (satoshis, piconero) to whole coins. */
export function fromAtomic(value: number | null | undefined, decimals: number): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value / 10 ** decimals : null;
}

