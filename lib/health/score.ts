// The health score and the risk-adjusted profit: the user's weights (0–100 per part) say how much
// of the profit each risk may take away. Numbers in, numbers out.
import {
  communityPart,
  dataHealthPart,
  developmentPart,
  HEALTH_PARTS,
  liquidityPart,
  marketsPart,
  networkSharePart,
  securityPart,
  type CommunityInput,
  type DevelopmentInput,
  type HealthPart,
  type HealthParts,
  type LiquidityInput,
  type MarketsSummary,
  type SecurityInput,
} from './parts';

export type Health = {
  /** Mean of the parts that have data, each counted once (dataHealth carries what is missing); 0–100. */
  score: number;
  parts: HealthParts;
};

export const SCORE_FORMULA = 'mean of the parts with data (data health counts the missing ones)';

export type HealthInput = {
  security: SecurityInput;
  liquidity: LiquidityInput;
  markets: MarketsSummary | null;
  development: DevelopmentInput;
  community: CommunityInput;
  /** H ÷ (N + H), lib/risk networkShareRisk's joinedShare. */
  joinedShare: number | null;
  /** How many of the coin's flags are data-quality flags (parts DATA_QUALITY_FLAGS). */
  dataQualityFlags: number;
};

export function health(input: HealthInput): Health {
  const measured = {
    security: securityPart(input.security),
    liquidity: liquidityPart(input.liquidity),
    markets: marketsPart(input.markets),
    development: developmentPart(input.development),
    community: communityPart(input.community),
    networkShare: networkSharePart(input.joinedShare),
  };
  const parts: HealthParts = { ...measured, dataHealth: dataHealthPart(measured, input.dataQualityFlags) };
  const known = HEALTH_PARTS.map((p) => parts[p]).filter((v): v is number => v !== null);
  // dataHealth is never null, so known is never empty.
  return { score: known.reduce((a, b) => a + b, 0) / known.length, parts };
}

// ---------------------------------------------------------------------------------------------
// Weights and the risk-adjusted profit.

export type RiskWeights = Record<HealthPart, number>;
export const RISK_PRESETS = ['profit', 'balanced', 'cautious'] as const;
export type RiskPreset = (typeof RISK_PRESETS)[number];
export const DEFAULT_RISK_PRESET: RiskPreset = 'profit';
export const MAX_WEIGHT = 100;

const all = (w: number): RiskWeights =>
  Object.fromEntries(HEALTH_PARTS.map((p) => [p, w])) as RiskWeights;

/** "profit" is today's ranking (no weight); "balanced" lets every risk take up to half; "cautious" leans on what can lose the coins. */
export const PRESET_WEIGHTS: Record<RiskPreset, RiskWeights> = {
  profit: all(0),
  balanced: all(50),
  cautious: {
    security: 100,
    liquidity: 100,
    markets: 75,
    development: 50,
    community: 25,
    dataHealth: 75,
    networkShare: 100,
  },
};

/** The preset's weights with the explicit `rw.<part>` ones on top. */
export function effectiveWeights(preset: RiskPreset, overrides: Partial<RiskWeights> = {}): RiskWeights {
  const weights = { ...PRESET_WEIGHTS[preset] };
  for (const part of HEALTH_PARTS) {
    const w = overrides[part];
    if (typeof w === 'number' && Number.isFinite(w)) weights[part] = Math.min(MAX_WEIGHT, Math.max(0, w));
  }
  return weights;
}

/** True when some weight is above 0: the ranking then sorts by the risk-adjusted profit. */
export function weightsActive(weights: RiskWeights): boolean {
  return HEALTH_PARTS.some((p) => weights[p] > 0);
}

export const RISK_FACTOR_FORMULA = 'Π over parts with data of (1 − weight ÷ 100 × (1 − part ÷ 100))';
export const RISK_ADJUSTED_FORMULA =
  'profit × Π over parts with data of (1 − weight ÷ 100 × (1 − part ÷ 100)); a loss is kept as it is';

/**
 * What share of the profit survives the weighted risks: each part with data keeps
 * 1 − w/100 × (1 − s/100) of it (weight 100 and part 40 keep 40 %; weight 50 keep 70 %).
 * A part without data keeps all of it here; its absence costs through dataHealth instead.
 */
export function riskFactor(parts: HealthParts, weights: RiskWeights): number {
  let factor = 1;
  for (const part of HEALTH_PARTS) {
    const score = parts[part];
    if (score === null) continue;
    const w = Math.min(MAX_WEIGHT, Math.max(0, weights[part])) / 100;
    const s = Math.min(100, Math.max(0, score)) / 100;
    factor *= 1 - w * (1 - s);
  }
  return factor;
}

/**
 * Profit per day discounted by the weighted risks. A loss is not discounted (a risky loss must
 * never look smaller than it is); no profit figure (no market) gives null.
 */
export function riskAdjustedUsdPerDay(
  profitUsdPerDay: number | null | undefined,
  parts: HealthParts,
  weights: RiskWeights,
): number | null {
  if (typeof profitUsdPerDay !== 'number' || !Number.isFinite(profitUsdPerDay)) return null;
  if (profitUsdPerDay <= 0) return profitUsdPerDay;
  return profitUsdPerDay * riskFactor(parts, weights);
}
