// Merged mining (AuxPoW): one parent-chain hash also counts for auxiliary chains that accept it,
// so the same hashrate and power earn the parent's coins plus each auxiliary coin's. A pool must
// build the auxiliary blocks and pay them out; some pay only the parent coin (and may or may not
// raise its rate for the aux value). The facts are cited in merged-sources.ts.

export type MergedGroup = {
  /** Parent chain's coin tag and algorithm slug. */
  parent: string;
  algorithm: string;
  /** Auxiliary coin tags, in the order a row lists them. */
  aux: readonly string[];
};

// What the ranking needs, in the browser too. Each group's source and the pools that pay its aux
// coins (with theirs) are in merged-sources.ts, which stays on the server.
export const MERGED_MINING: readonly MergedGroup[] = [
  { parent: 'LTC', algorithm: 'scrypt', aux: ['DOGE', 'BELLS', 'LKY', 'PEP', 'JKC', 'DOGM', 'DINGO'] },
  { parent: 'XMR', algorithm: 'randomx', aux: ['XTM'] },
];

export function mergedGroupFor(parentTag: string): MergedGroup | undefined {
  return MERGED_MINING.find((g) => g.parent === parentTag.toUpperCase());
}

/** One coin of a combined row (merged: same hashrate on each chain; dual: each algorithm its own hashrate). */
export type Part = {
  tag: string;
  algorithm: string;
  hashrate: number;
  coinsPerDay: number | null;
  revenueUsdPerDay: number | null;
};

/**
 * Revenue of all parts against one power bill: revenue = Σ revenues of the priced parts; profit =
 * revenue − power cost (null when no part has a price). Parts without a price add nothing and are
 * counted apart, so a row can say which ones were left out.
 */
export function combineParts(
  parts: readonly Part[],
  powerCostUsdPerDay: number,
): { revenueUsdPerDay: number | null; profitUsdPerDay: number | null; unpriced: string[] } {
  const priced = parts.filter((p) => p.revenueUsdPerDay !== null && Number.isFinite(p.revenueUsdPerDay));
  const unpriced = parts.filter((p) => !priced.includes(p)).map((p) => p.tag);
  if (priced.length === 0) return { revenueUsdPerDay: null, profitUsdPerDay: null, unpriced };
  const revenue = priced.reduce((sum, p) => sum + (p.revenueUsdPerDay ?? 0), 0);
  const cost = Number.isFinite(powerCostUsdPerDay) && powerCostUsdPerDay > 0 ? powerCostUsdPerDay : 0;
  return { revenueUsdPerDay: revenue, profitUsdPerDay: revenue - cost, unpriced };
}
