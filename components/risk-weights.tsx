// Under the ranked table: the risk weights in force and the formula that turns them into the
// risk-adjusted profit the table is sorted by, with links to the presets.
import { HEALTH_PARTS, type HealthPart } from '@/lib/health/parts';
import { RISK_PRESETS, type RiskPreset, type RiskWeights } from '@/lib/health/score';
import { hrefWith, type DashboardState } from '@/lib/url/search-params';
import { ShallowLink } from './shallow-link';

export const PART_LABEL: Record<HealthPart, string> = {
  security: 'Security',
  liquidity: 'Liquidity',
  markets: 'Markets',
  development: 'Development',
  community: 'Community',
  dataHealth: 'Data health',
  networkShare: 'Network share',
};

const PRESET_LABEL: Record<RiskPreset, string> = {
  profit: 'Profit only',
  balanced: 'Balanced',
  cautious: 'Cautious',
};

export function RiskWeightsNote({ state, weights, active }: { state: DashboardState; weights: RiskWeights; active: boolean }) {
  const custom = Object.keys(state.riskWeights).length > 0;
  return (
    <section className="muted small" data-testid="risk-weights" aria-label="Risk weights">
      <p>
        <strong>Risk against reward</strong>:{' '}
        {RISK_PRESETS.map((preset, i) => (
          <span key={preset}>
            {i > 0 && ' · '}
            {preset === state.riskPreset && !custom ? (
              <strong data-testid={`risk-preset-${preset}`}>{PRESET_LABEL[preset]}</strong>
            ) : (
              <ShallowLink
                href={hrefWith('/', { ...state, coins: [] }, { riskPreset: preset, riskWeights: {} })}
                data-testid={`risk-preset-${preset}`}
              >
                {PRESET_LABEL[preset]}
              </ShallowLink>
            )}
          </span>
        ))}
        {custom && ' (with your own weights)'}
      </p>
      <p data-testid="risk-weights-list">
        Weights (0 ignores a risk, 100 lets it take the whole profit):{' '}
        {HEALTH_PARTS.map((part, i) => (
          <span key={part}>
            {i > 0 && ', '}
            {PART_LABEL[part]} {weights[part]}
          </span>
        ))}
        . Set one in the address bar as <code>rw.&lt;part&gt;=0–100</code>, e.g. <code>rw.liquidity=100</code>.
      </p>
      <p data-testid="risk-formula">
        {active ? (
          <>
            Ranked by <strong>risk-adjusted profit</strong> = profit × Π over the parts with data of (1 − weight ÷ 100 × (1 −
            part ÷ 100)); a loss is not discounted. A part without data is left out of the product, and shows instead as a
            lower data health. Each part (0–100) and its formula is on the coin’s page.
          </>
        ) : (
          <>Ranked by profit alone: no risk has a weight. Choose Balanced or Cautious to weigh risk against reward.</>
        )}
      </p>
    </section>
  );
}
