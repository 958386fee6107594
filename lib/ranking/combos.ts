// Rows of their own for combined mining: merged (one hash on a parent chain and its AuxPoW
// chains, lib/tuning/merged.ts) and dual (two algorithms at once on a card, catalog `duals`).
// Each row's figures are its parts' revenue against one power bill.
import { getDevice } from '@/lib/hardware/catalog';
import { coinOnBasis, type Basis } from '@/lib/mining/basis';
import { estimate, powerCostUsdPerDay, type Estimate } from '@/lib/mining/profit';
import { rewardToEffort } from '@/lib/mining/score';
import type { Coin } from '@/lib/model/types';
import { effectiveUsdPerKwh, revenueUsdPerHashDay } from '@/lib/tuning/coin';
import { combineParts, MERGED_MINING, type Part } from '@/lib/tuning/merged';
import type { RankedRow } from './row';
import type { Rig } from './rig';

export type { Combo } from './row';

const partOf = (coin: Coin, hashrate: number, fee: number, share = 1): Part => {
  const e = estimate(coin, { hashrate, powerWatts: 0, electricityUsdPerKwh: 0, poolFeePercent: fee });
  return {
    tag: coin.tag,
    algorithm: coin.algorithm,
    hashrate,
    coinsPerDay: e.coinsPerDay !== null ? e.coinsPerDay * share : null,
    revenueUsdPerDay: e.revenueUsdPerDay !== null ? e.revenueUsdPerDay * share : null,
  };
};

/** The estimate of the first part with the combined revenue and profit; costs stay the first part's. */
function combinedEstimate(first: Estimate, parts: Part[]): { estimate: Estimate; unpriced: string[] } {
  // Costs as the first part's estimate bills them (power, and on a tariff fixed cost and heat credit).
  const costs =
    first.revenueUsdPerDay !== null && first.profitUsdPerDay !== null
      ? first.revenueUsdPerDay - first.profitUsdPerDay
      : first.powerCostUsdPerDay;
  const combined = combineParts(parts, costs);
  return {
    estimate: { ...first, revenueUsdPerDay: combined.revenueUsdPerDay, revenueBtcPerDay: null, profitUsdPerDay: combined.profitUsdPerDay },
    unpriced: combined.unpriced,
  };
}

function mergedRows(all: readonly Coin[], rows: readonly RankedRow[], rig: Rig, basis: Basis): RankedRow[] {
  const found: RankedRow[] = [];
  for (const group of MERGED_MINING) {
    const parent = rows.find((r) => r.coin.tag === group.parent && r.coin.algorithm === group.algorithm && !r.combo);
    if (!parent?.estimate || parent.hashrate === null) continue;
    const aux = group.aux
      .map((tag) => all.find((c) => c.tag === tag && c.algorithm === group.algorithm))
      .filter((c): c is Coin => c !== undefined);
    if (aux.length === 0) continue;
    // On a tariff the rig mines only some hours: aux coins follow the parent's hours.
    const share = parent.day ? parent.day.hoursMining / 24 : 1;
    const parts: Part[] = [
      {
        tag: parent.coin.tag,
        algorithm: parent.coin.algorithm,
        hashrate: parent.hashrate,
        coinsPerDay: parent.estimate.coinsPerDay,
        revenueUsdPerDay: parent.estimate.revenueUsdPerDay,
      },
      ...aux.map((coin) => partOf(coinOnBasis(coin, basis).coin, parent.hashrate!, rig.poolFeePercent, share)),
    ];
    const { estimate: combined, unpriced } = combinedEstimate(parent.estimate, parts);
    found.push({
      ...parent,
      estimate: combined,
      score: rewardToEffort(combined.profitUsdPerDay, parent.powerWatts),
      combo: {
        kind: 'merged',
        label: group.parent,
        parts,
        unpriced,
        auxMissing: group.aux.filter((tag) => !aux.some((c) => c.tag === tag)),
      },
    });
  }
  return found;
}

/** The coin of `algorithm` paying the most per unit of hashrate (priced coins only). */
function bestCoinFor(all: readonly Coin[], algorithm: string, fee: number, basis: Basis): Coin | null {
  let best: Coin | null = null;
  let bestRate = -Infinity;
  for (const current of all) {
    if (current.algorithm !== algorithm) continue;
    const coin = coinOnBasis(current, basis).coin;
    const rate = revenueUsdPerHashDay(coin, fee);
    if (rate !== null && rate > bestRate) {
      best = coin;
      bestRate = rate;
    }
  }
  return best;
}

function dualRows(all: readonly Coin[], rig: Rig, basis: Basis, passes: (coin: Coin) => boolean): RankedRow[] {
  // Sum each dual label over the rig's devices that have it (devices without it are not in the row).
  const byLabel = new Map<string, { algorithms: [string, string]; hashrates: [number, number]; watts: number; devices: RankedRow['operatingPoints'] }>();
  for (const { id, count } of rig.devices) {
    for (const dual of getDevice(id)?.duals ?? []) {
      const [a, b] = dual.parts;
      if (!a || !b || !(count > 0)) continue;
      const entry = byLabel.get(dual.label) ?? { algorithms: [a.algorithm, b.algorithm], hashrates: [0, 0], watts: 0, devices: [] };
      entry.hashrates = [entry.hashrates[0] + a.hashrate * count, entry.hashrates[1] + b.hashrate * count];
      entry.watts += dual.watts * count;
      entry.devices!.push({ device: id, count, point: { label: dual.label, hashrate: a.hashrate, watts: dual.watts }, pointCount: 1 });
      byLabel.set(dual.label, entry);
    }
  }
  const found: RankedRow[] = [];
  for (const [label, entry] of byLabel) {
    const coins = entry.algorithms.map((algo) => bestCoinFor(all, algo, rig.poolFeePercent, basis));
    const [first, second] = coins;
    if (!first || !second || !passes(first)) continue;
    const kwh = rig.power ? effectiveUsdPerKwh(rig.power) : rig.electricityUsdPerKwh;
    const head = estimate(first, { hashrate: entry.hashrates[0], powerWatts: entry.watts, electricityUsdPerKwh: kwh, poolFeePercent: rig.poolFeePercent });
    const parts = [partOf(first, entry.hashrates[0], rig.poolFeePercent), partOf(second, entry.hashrates[1], rig.poolFeePercent)];
    const { estimate: combined, unpriced } = combinedEstimate({ ...head, powerCostUsdPerDay: powerCostUsdPerDay(entry.watts, kwh) }, parts);
    found.push({
      coin: first,
      hashrate: entry.hashrates[0],
      powerWatts: entry.watts,
      estimate: combined,
      score: rewardToEffort(combined.profitUsdPerDay, entry.watts),
      basisUsed: coinOnBasis(first, basis).used,
      operatingPoints: entry.devices,
      combo: { kind: 'dual', label, parts, unpriced, auxMissing: [] },
    });
  }
  return found;
}

/** Merged rows for parents among `rows`, dual rows for the rig's dual-capable devices. */
export function comboRows(
  all: readonly Coin[],
  rows: readonly RankedRow[],
  rig: Rig,
  basis: Basis,
  passes: (coin: Coin) => boolean,
): RankedRow[] {
  return [...mergedRows(all, rows, rig, basis), ...dualRows(all, rig, basis, passes)];
}
