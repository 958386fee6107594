// A day of mining as it is billed: for each hour of the local day, revenue for an hour of mining
// minus the energy at that hour's price, plus the heat credit, then the fixed cost once. With
// "profitable hours only" the rig is off in every hour where it would lose money.
// Pure: numbers in, numbers out. Formulas are restated in the README (electricity section).

export type HoursMode = 'all' | 'profitable';

export type DayCosts = {
  /** USD/kWh in each hour of the day (23, 24 or 25 hours). */
  hourPricesUsdPerKwh: readonly number[];
  /** Power outside the cards (PSU losses, fans, risers), % on top of the rig's watts. */
  overheadPercent: number;
  /** Rent, internet, hosting: USD per day, paid whether the rig runs or not. */
  fixedUsdPerDay: number;
  /** What the heat is worth where it displaces a heater, USD per kWh of heat. */
  heatUsdPerKwh: number;
  hoursMode: HoursMode;
};

export type HourFigures = {
  priceUsdPerKwh: number;
  /** Revenue − energy cost + heat credit of mining this hour (USD), whether or not it mines. */
  profitIfMiningUsd: number | null;
  mining: boolean;
};

export type DayResult = {
  hours: HourFigures[];
  hoursMining: number;
  /** Revenue over the hours mined (revenue per hour of mining × hours mined); null without a price. */
  revenueUsdPerDay: number | null;
  /** Energy at the wall (overhead included) times each mined hour's price. */
  powerCostUsdPerDay: number;
  fixedCostUsdPerDay: number;
  heatCreditUsdPerDay: number;
  /** Revenue − power cost + heat credit − fixed cost; null without a revenue. */
  profitUsdPerDay: number | null;
  /** kWh the rig draws at the wall in one hour. */
  kwhPerHour: number;
  /** The price above which an hour loses money: revenue per hour ÷ kWh per hour + heat credit. */
  breakEvenUsdPerKwh: number | null;
};

/** Relative rounding allowance when an hour's profit is compared with zero. */
const BREAK_EVEN_TOLERANCE = 1e-9;

const nonNegative = (x: number) => (Number.isFinite(x) && x > 0 ? x : 0);
const finiteOr = (x: number, fallback: number) => (Number.isFinite(x) ? x : fallback);

/**
 * Integrates one day. `revenueUsdPerDay` is the estimate's revenue for 24 hours of mining (null
 * where the coin has no price); an hour of mining earns a 24th of it, however long the day.
 */
export function integrateDay(revenueUsdPerDay: number | null, powerWatts: number, costs: DayCosts): DayResult {
  const kwhPerHour = (nonNegative(powerWatts) * (1 + nonNegative(costs.overheadPercent) / 100)) / 1000;
  const heat = nonNegative(costs.heatUsdPerKwh);
  const fixed = nonNegative(costs.fixedUsdPerDay);
  const revenuePerHour = revenueUsdPerDay !== null && Number.isFinite(revenueUsdPerDay) ? revenueUsdPerDay / 24 : null;

  let hoursMining = 0;
  let powerCost = 0;
  let heatCredit = 0;
  const hours: HourFigures[] = costs.hourPricesUsdPerKwh.map((rawPrice) => {
    const price = finiteOr(rawPrice, 0);
    const energyNet = kwhPerHour * (price - heat);
    const profitIfMiningUsd = revenuePerHour !== null ? revenuePerHour - energyNet : null;
    // Without a revenue figure there is nothing to switch on: the rig runs every hour.
    const mining =
      costs.hoursMode === 'all' || profitIfMiningUsd === null || revenuePerHour === null || kwhPerHour === 0
        ? true
        : // At the break-even price (to rounding) an hour earns nothing: the rig stays off.
          profitIfMiningUsd > BREAK_EVEN_TOLERANCE * (Math.abs(revenuePerHour) + Math.abs(energyNet));
    if (mining) {
      hoursMining += 1;
      powerCost += kwhPerHour * price;
      heatCredit += kwhPerHour * heat;
    }
    return { priceUsdPerKwh: price, profitIfMiningUsd, mining };
  });

  // × (hours / 24) rather than a 24th × hours: a full 24-hour day gives back the revenue exactly.
  const revenue = revenueUsdPerDay !== null && revenuePerHour !== null ? revenueUsdPerDay * (hoursMining / 24) : null;
  const profit = revenue !== null ? revenue - powerCost + heatCredit - fixed : null;
  return {
    hours,
    hoursMining,
    revenueUsdPerDay: revenue,
    powerCostUsdPerDay: powerCost,
    fixedCostUsdPerDay: fixed,
    heatCreditUsdPerDay: heatCredit,
    profitUsdPerDay: profit !== null && Number.isFinite(profit) ? profit : null,
    kwhPerHour,
    breakEvenUsdPerKwh: revenuePerHour !== null && kwhPerHour > 0 ? revenuePerHour / kwhPerHour + heat : null,
  };
}
