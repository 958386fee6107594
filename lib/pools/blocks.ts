// A pool's recent blocks summed up: last block, blocks in the last 24 h, mean effort and orphan
// rate. Pure: the adapters pass the blocks and the time they were fetched.
import { DAY_MS } from '@/lib/mining/time';

export type PoolBlockStatus = 'pending' | 'confirmed' | 'orphaned';

export type PoolBlock = {
  status: PoolBlockStatus;
  /** When the pool found it, ms since the epoch; null where unknown. */
  foundAtMs: number | null;
  /** Work spent on it ÷ the expected work (1 = 100 %); null where the pool does not say. */
  effort: number | null;
};

export type BlockSummary = {
  lastBlockAt: string | null;
  blocks24h: number | null;
  /** The list was a full page whose every block is within 24 h: blocks24h is a lower bound. */
  blocks24hAtLeast: boolean;
  effortPercent: number | null;
  orphanRate: number | null;
  settledBlocks: number;
};

/**
 * blocks24h counts blocks found in (now − 24 h, now]; effortPercent = mean(effort) × 100 over the
 * blocks that carry one; orphanRate = orphaned ÷ (confirmed + orphaned): pending blocks are not
 * settled yet and count in neither.
 */
export function summarizeBlocks(blocks: readonly PoolBlock[], nowMs: number, pageSize: number | null = null): BlockSummary {
  let last: number | null = null;
  let inDay = 0;
  let effortSum = 0;
  let effortCount = 0;
  let confirmed = 0;
  let orphaned = 0;
  let anyTime = false;
  let oldest: number | null = null;
  for (const block of blocks) {
    const at = block.foundAtMs;
    if (at !== null && Number.isFinite(at) && at > 0 && at <= nowMs) {
      anyTime = true;
      if (last === null || at > last) last = at;
      if (oldest === null || at < oldest) oldest = at;
      if (nowMs - at < DAY_MS) inDay += 1;
    }
    if (block.effort !== null && Number.isFinite(block.effort) && block.effort >= 0) {
      effortSum += block.effort;
      effortCount += 1;
    }
    if (block.status === 'confirmed') confirmed += 1;
    if (block.status === 'orphaned') orphaned += 1;
  }
  const settled = confirmed + orphaned;
  return {
    lastBlockAt: last !== null ? new Date(last).toISOString() : null,
    // No block with a time: 0 only when the list is empty (the pool says it found none).
    blocks24h: anyTime || blocks.length === 0 ? inDay : null,
    blocks24hAtLeast: pageSize !== null && blocks.length >= pageSize && oldest !== null && nowMs - oldest < DAY_MS,
    effortPercent: effortCount > 0 ? (effortSum / effortCount) * 100 : null,
    orphanRate: settled > 0 ? orphaned / settled : null,
    settledBlocks: settled,
  };
}
