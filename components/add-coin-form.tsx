'use client';

import { useActionState } from 'react';
import { INITIAL_ADD_COIN_STATE, type AddCoinField, type AddCoinState } from '@/lib/registry/add-coin-state';

type Option = { value: string; label: string };

type FieldProps = {
  field: AddCoinField;
  label: string;
  hint?: string;
  error: string | undefined;
  defaultValue: string;
  children?: React.ReactNode;
};

/** A labelled input (or the given control) with its hint and its own error line. */
function Field({ field, label, hint, error, defaultValue, children }: FieldProps) {
  const id = `add-${field}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children ?? (
        <input
          id={id}
          name={field}
          defaultValue={defaultValue}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={`${id}-error`}
          autoComplete="off"
        />
      )}
      {hint && <span className="field-hint">{hint}</span>}
      <span className="field-error" id={`${id}-error`} data-testid={`error-${field}`} role={error ? 'alert' : undefined}>
        {error ?? ''}
      </span>
    </div>
  );
}

/**
 * The add-coin form. "Check the source" asks it live and shows what it said; "Add the coin"
 * checks again and saves. Each problem is shown under its own field; the server decides.
 */
export function AddCoinForm({
  action,
  algorithms,
  kinds,
  operator,
  tokenField,
}: {
  action: (state: AddCoinState, form: FormData) => Promise<AddCoinState>;
  algorithms: Option[];
  /** Source kinds with their labels (lib/sources/chain/types.ts, passed in to keep zod server-side). */
  kinds: Option[];
  /** Whether this visitor may save without a token (on the server's machine). */
  operator: boolean;
  /** Show a field for the operator's token (the server has one and this visitor is not local). */
  tokenField: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, INITIAL_ADD_COIN_STATE);
  const value = (field: AddCoinField) => state.values[field] ?? '';
  const props = (field: AddCoinField) => ({ field, error: state.fieldErrors[field], defaultValue: value(field) });

  return (
    // The key resets the uncontrolled fields to the values the server echoed back.
    <form action={formAction} className="panel add-coin-form" key={JSON.stringify(state.values)} noValidate>
      <div className="rig-grid">
        <Field {...props('tag')} label="Ticker" hint="2–10 letters or digits, e.g. RTM" />
        <Field {...props('name')} label="Name" />
        <Field {...props('algorithm')} label="Algorithm">
          <select
            id="add-algorithm"
            name="algorithm"
            defaultValue={value('algorithm')}
            aria-invalid={state.fieldErrors.algorithm ? 'true' : undefined}
            aria-describedby="add-algorithm-error"
          >
            <option value="">Choose…</option>
            {algorithms.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </Field>
        <Field {...props('blockTime')} label="Target block time (s)" hint="From the coin’s chain parameters" />
        <Field {...props('kind')} label="Where its network figures come from">
          <select
            id="add-kind"
            name="kind"
            defaultValue={value('kind') || 'bitcoin-rpc'}
            aria-invalid={state.fieldErrors.kind ? 'true' : undefined}
            aria-describedby="add-kind-error"
          >
            {kinds.map((kind) => (
              <option key={kind.value} value={kind.value}>
                {kind.label}
              </option>
            ))}
          </select>
        </Field>
        <Field {...props('url')} label="Source URL" hint="http(s)://host[:port] — no user name or password in it" />
        <Field {...props('symbol')} label="Coin key at the pool (YIIMP only)" hint="Defaults to the ticker" />
        <Field {...props('coingeckoId')} label="CoinGecko id (optional)" hint="Blank: no market; it ranks by coins per day" />
        <Field {...props('reward')} label="Block reward (optional)" hint="Coins per block, for sources that do not report it" />
        <Field {...props('factsUrl')} label="Where the block time and algorithm come from (optional URL)" />
      </div>
      {!operator && (
        <p className="muted small" data-testid="operator-note">
          Anyone can check a source; saving it needs the operator (this page on the server’s own machine
          {tokenField ? ', or the operator token below' : ''}).
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
          Check the source
        </button>
        <button type="submit" name="intent" value="add" className="button-primary" disabled={pending}>
          Add the coin
        </button>
        <span className="muted small" aria-live="polite">
          {pending ? 'Asking the source…' : ''}
        </span>
      </div>
      {state.message && (
        <p className={state.status === 'checked' ? 'banner' : 'field-error'} role="status" data-testid="check-result">
          {state.message}
        </p>
      )}
    </form>
  );
}
