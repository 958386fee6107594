import { ShallowLink } from './shallow-link';
import { hrefWith, POOL_CHOICES, type DashboardState } from '@/lib/url/search-params';

/** flat | best (a shallow link: pool figures are in the ranking inputs, so the browser re-ranks): every coin at the flat fee (fee=, the default), or at its best known pool's fee (pool=best). */
export function PoolSwitch({ state }: { state: DashboardState }) {
  return (
    <div className="chips" role="group" aria-label="Pool fee" data-testid="pool-switch">
      <span className="muted small">pool fee</span>
      {POOL_CHOICES.map((choice) => (
        <ShallowLink
          key={choice}
          className="chip"
          href={hrefWith('/', { ...state, coins: [] }, { poolChoice: choice })}
          aria-current={state.poolChoice === choice ? 'true' : undefined}
          title={
            choice === 'flat'
              ? `Every coin at your flat fee (${state.poolFeePercent} %): the default`
              : 'Each coin at the fee of its best listed pool for your rig; coins without listed pools at your flat fee'
          }
        >
          {choice === 'flat' ? `flat ${state.poolFeePercent} % (default)` : 'best pool'}
        </ShallowLink>
      ))}
    </div>
  );
}
