// The risks behind one row's estimate, put together from lib/risk/risk's formulas: can the coins be
// sold, would the rig move the network, how lumpy are solo rewards, what does it cost to rent
// the network for an hour. The table, the coin page and the API all read this one shape.
import type { RankedRow } from './ranking';
import {
  inflation,
  liquidityShare,
  LIQUIDITY_WARN,
  marketStatus,
  networkShareRisk,
  rentalAttackCost,
  RENTABLE_MAJORITY,
  variance,
  type Inflation,
  type MarketStatus,
  type NetworkShareRisk,
  type RiskCode,
  type RentalAttackCost,
  type Variance,
} from '@/lib/risk/risk';
import type { RentalPrice } from '@/lib/model/types';
import { SECONDS_PER_DAY } from '@/lib/mining/time';

export type RowRisk = {
  market: MarketStatus;
  /** The rig's daily output value ÷ 24 h volume. */
  liquidity: number | null;
  /** True when the rig's output would be more than 1 % of a day's trading. */
  illiquid: boolean;
  network: NetworkShareRisk;
  variance: Variance;
  security: RentalAttackCost;
  /** False when no hash-rental prices were fetched at all (the NiceHash source is off). */
  securityKnown: boolean;
  inflation: Inflation;
  /** What to warn about, worst first, as codes (lib/format/flags.ts words them). */
  codes: RiskCode[];
};

export function rowRisk(row: RankedRow, rentals: readonly RentalPrice[], btcUsd: number | null): RowRisk {
  const { coin, estimate, hashrate } = row;
  const market = marketStatus(coin.priceUsd, coin.volume24hUsd);
  const liquidity = liquidityShare(estimate?.revenueUsdPerDay ?? null, coin.volume24hUsd);
  const illiquid = liquidity !== null && liquidity > LIQUIDITY_WARN;
  const network = networkShareRisk(hashrate, coin.networkHashrate);
  const rental = rentals.find((r) => r.algorithm === coin.algorithm);
  const security = rentalAttackCost({
    networkHashrate: coin.networkHashrate,
    payingBtcPerHashPerDay: rental?.payingBtcPerHashPerDay ?? null,
    btcUsd,
    rentableHashrate: rental ? rental.rentableHashrate : 0,
  });
  const codes: RiskCode[] = [];
  if (market === 'no-market') codes.push('no-market');
  else if (market === 'thin') codes.push('thin-market');
  if (illiquid) codes.push('illiquid');
  if (network.warn) codes.push('big-share');
  if (security.rentableShare !== null && security.rentableShare >= RENTABLE_MAJORITY) codes.push('rentable-majority');
  return {
    market,
    liquidity,
    illiquid,
    network,
    securityKnown: rentals.length > 0,
    variance: variance(estimate?.soloDaysToBlock != null ? estimate.soloDaysToBlock * SECONDS_PER_DAY : null),
    security,
    inflation: inflation({
      emissionPerDay: coin.emissionPerDay,
      blockReward: coin.blockReward,
      blockTimeSeconds: coin.blockTimeSeconds,
      circulatingSupply: coin.circulatingSupply,
    }),
    codes,
  };
}

/** "Hide coins I could not sell": no market, a thin one, or output above 1 % of the volume. */
export function sellable(risk: RowRisk): boolean {
  return risk.market !== 'no-market' && risk.market !== 'thin' && !risk.illiquid;
}
