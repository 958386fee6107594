'use client';

import { useActionState } from 'react';
import { getAlgorithm } from '@/lib/mining/algorithms';
import { formatHashrate, formatSignificant } from '@/lib/format/units';
import {
  INITIAL_ADD_POOL_SITE_STATE,
  type AddPoolSiteState,
  type CheckedSkip,
  type PoolSiteCheck,
} from '@/lib/registry/add-pool-site-state';

type Option = { value: string; label: string };

const SKIP_WORDS: Record<CheckedSkip['code'], string> = {
  'bad-shape': 'its entry in the site’s list is not in the shape this app reads',
  'bad-id': 'a pool id with characters a pool id here may not have',
  'no-symbol': 'no ticker the app can use',
  'unknown-algorithm': 'an algorithm this app does not know',
  'no-network-figures': 'neither a network difficulty nor a network hashrate',
  'difficulty-convention': 'its difficulty and network hashrate imply a block time outside 1 s – 1 day: another difficulty convention (no coin row)',
  'over-limit': 'beyond the 30 pools read from one site',
  'blocks-failed': 'its recent blocks could not be read (block figures unknown)',
};

const percent = (value: number | null) => (value === null ? '—' : `${formatSignificant(value, 3)} %`);

/** What the check found: the pools (fee, hashrates), the coins it would add, what it left out. */
function CheckResult({ check }: { check: PoolSiteCheck }) {
  const unitOf = (tag: string) => getAlgorithm(check.coins.find((c) => c.tag === tag)?.algorithm ?? '')?.unit ?? 'H/s';
  return (
    <div className="banner" role="status" data-testid="site-check">
      <p>
        Reached the site: {check.pools.length} {check.pools.length === 1 ? 'pool' : 'pools'}
        {check.coins.length > 0 ? `, ${check.coins.length} ${check.coins.length === 1 ? 'coin' : 'coins'} with network figures` : ''}.
      </p>
      {check.pools.length > 0 && (
        <div className="table-wrap">
          <table data-testid="site-check-pools">
            <thead>
              <tr>
                <th className="left" scope="col">Coin</th>
                <th className="left" scope="col">Pool</th>
                <th scope="col">Fee</th>
                <th scope="col">Pool hashrate</th>
                <th scope="col">Network hashrate</th>
                <th scope="col">Miners</th>
              </tr>
            </thead>
            <tbody>
              {check.pools.map((p) => (
                <tr key={`${p.tag}/${p.poolId ?? ''}`} data-tag={p.tag}>
                  <td className="left">{p.tag}</td>
                  <td className="left">{p.poolId ?? '—'}</td>
                  <td>{percent(p.feePercent)}</td>
                  <td>{formatHashrate(p.poolHashrate, unitOf(p.tag))}</td>
                  <td>{formatHashrate(p.networkHashrate, unitOf(p.tag))}</td>
                  <td>{p.miners === null ? '—' : formatSignificant(p.miners, 6)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {check.coins.length > 0 && (
        <ul data-testid="site-check-coins">
          {check.coins.map((c) => {
            const algorithm = getAlgorithm(c.algorithm);
            return (
              <li key={`${c.tag}/${c.algorithm}`} data-tag={c.tag}>
                <strong>{c.tag}</strong> ({c.name}, {algorithm?.name ?? c.algorithm}): difficulty {formatSignificant(c.difficulty, 6)}, network{' '}
                {formatHashrate(c.networkHashrate, algorithm?.unit ?? 'H/s')}, reward {c.blockReward === null ? 'unknown' : `${formatSignificant(c.blockReward, 6)} ${c.tag}`} per
                block{c.height !== null ? `, height ${formatSignificant(c.height, 12)}` : ''}
              </li>
            );
          })}
        </ul>
      )}
      {check.skipped.length > 0 && (
        <ul className="muted small" data-testid="site-check-skipped">
          {check.skipped.map((s) => (
            <li key={`${s.poolId}/${s.code}`}>
              {s.symbol ?? s.poolId} ({s.poolId || 'the site'}
              {s.algorithm ? `, ${s.algorithm}` : ''}): {SKIP_WORDS[s.code]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The add-pool-site form. "Check the site" reads every pool it runs and shows them; "Add the pool
 * site" (the operator) reads it again and saves it. Problems show under their field.
 */
export function AddPoolSiteForm({
  action,
  kinds,
  operator,
  tokenField,
}: {
  action: (state: AddPoolSiteState, form: FormData) => Promise<AddPoolSiteState>;
  kinds: Option[];
  operator: boolean;
  tokenField: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, INITIAL_ADD_POOL_SITE_STATE);
  const error = state.fieldErrors;
  return (
    <form action={formAction} className="panel add-coin-form" key={JSON.stringify(state.values)} noValidate data-testid="pool-site-form">
      <div className="rig-grid">
        <div className="field">
          <label htmlFor="add-poolKind">Pool software</label>
          <select
            id="add-poolKind"
            name="poolKind"
            defaultValue={state.values.poolKind || 'miningcore'}
            aria-invalid={error.poolKind ? 'true' : undefined}
            aria-describedby="add-poolKind-error"
          >
            {kinds.map((kind) => (
              <option key={kind.value} value={kind.value}>
                {kind.label}
              </option>
            ))}
          </select>
          <span className="field-error" id="add-poolKind-error" data-testid="error-poolKind" role={error.poolKind ? 'alert' : undefined}>
            {error.poolKind ?? ''}
          </span>
        </div>
        <div className="field">
          <label htmlFor="add-poolUrl">Pool site URL</label>
          <input
            id="add-poolUrl"
            name="poolUrl"
            defaultValue={state.values.poolUrl ?? ''}
            aria-invalid={error.poolUrl ? 'true' : undefined}
            aria-describedby="add-poolUrl-error"
            autoComplete="off"
          />
          <span className="field-hint">The site’s base address, e.g. https://pool.example (MiningCore: where /api/pools answers)</span>
          <span className="field-error" id="add-poolUrl-error" data-testid="error-poolUrl" role={error.poolUrl ? 'alert' : undefined}>
            {error.poolUrl ?? ''}
          </span>
        </div>
      </div>
      {!operator && (
        <p className="muted small">
          Anyone can check a pool site; saving it needs the operator{tokenField ? ' (or the operator token below)' : ''}.
        </p>
      )}
      {tokenField && (
        <label className="field">
          <span>Operator token</span>
          <input type="password" name="adminToken" autoComplete="off" />
        </label>
      )}
      <div className="toolbar">
        <button type="submit" name="intent" value="check" disabled={pending}>
          Check the site
        </button>
        <button type="submit" name="intent" value="add" className="button-primary" disabled={pending}>
          Add the pool site
        </button>
        <span className="muted small" aria-live="polite">
          {pending ? 'Asking the site…' : ''}
        </span>
      </div>
      {state.message && (
        <p className="field-error" role="status" data-testid="site-result">
          {state.message}
        </p>
      )}
      {state.check && <CheckResult check={state.check} />}
    </form>
  );
}
