// Reward-to-effort, defined once: the profit a rig makes for each kWh it burns on a coin.
// Since profit = revenue − kWh × price, the score is revenue per kWh minus the electricity
// price: it ranks coins by how well they pay for the energy spent, whatever the rig's size.

export const SCORE_NAME = 'Reward / effort';
export const SCORE_UNIT = 'per kWh';
export const SCORE_FORMULA = 'profit per day ÷ energy per day (W × 24 / 1000 kWh)';

/** Profit per kWh consumed (USD/kWh); null without a profit figure or a power draw. */
export function rewardToEffort(profitUsdPerDay: number | null, powerWatts: number | null): number | null {
  if (profitUsdPerDay === null || !Number.isFinite(profitUsdPerDay)) return null;
  if (powerWatts === null || !Number.isFinite(powerWatts) || powerWatts <= 0) return null;
  const score = profitUsdPerDay / ((powerWatts * 24) / 1000);
  return Number.isFinite(score) ? score : null;
}
