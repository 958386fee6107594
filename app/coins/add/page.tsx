import type { Metadata } from 'next';
import Link from 'next/link';
import { AddCoinForm } from '@/components/add-coin-form';
import { formatUtc } from '@/components/data-banner';
import { ALGORITHMS, getAlgorithm } from '@/lib/mining/algorithms';
import { getRegistry, getSnapshot } from '@/lib/server/queries';
import { CHAIN_KINDS, CHAIN_KIND_LABELS } from '@/lib/sources/chain/types';
import { chainSourceId } from '@/lib/model/types';
import { removeCoin, submitCoin } from './actions';
import { headers } from 'next/headers';
import path from 'node:path';
import { isOperator, operatorTokenSet } from '@/lib/server/operator';
import { redactAddresses, shownUrl } from '@/lib/infra/redact';

export const metadata: Metadata = {
  title: 'Add a coin from its own node, explorer or pool',
  description: 'Add a small coin no aggregator lists: its network figures come straight from its own node or explorer.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AddCoinPage({ searchParams }: Props) {
  const { added, removed, refused } = await searchParams;
  const operator = isOperator(await headers());
  const tokenSet = operatorTokenSet();
  const addedTag = typeof added === 'string' && /^[A-Z0-9]{2,10}$/.test(added) ? added : null;
  const removedTag = typeof removed === 'string' && /^[A-Z0-9]{2,10}$/.test(removed) ? removed : null;
  const snapshot = await getSnapshot(); // first: it brings the registry up to date with other instances
  const registry = getRegistry();
  const statusOf = (tag: string) => snapshot.sources.find((s) => s.id === chainSourceId(tag)) ?? null;
  const entries = [
    ...registry.shipped.map((entry) => ({ entry, origin: 'shipped' as const })),
    ...registry.user.map((entry) => ({ entry, origin: 'added' as const })),
  ];
  const addedEntry = addedTag ? registry.user.find((e) => e.tag === addedTag) : undefined;

  return (
    <>
      <h1>Add a coin from its own node, explorer or pool</h1>
      <p className="lede">
        Aggregators drop the smallest coins. Point minerank at a coin’s own Bitcoin-family or Monero-family node, a
        Blockbook or Iquidus explorer, or a YIIMP pool’s API, and its difficulty, hashrate and reward come from there.
        The source is asked live before anything is saved.
      </p>
      {!registry.chainEnabled && (
        <p className="banner banner-stale" role="status" data-testid="chain-off">
          Chain sources are switched off on this server (<code>SOURCES</code> does not include <code>chain</code>): coins
          you add are saved and checked, but not fetched until an operator turns them on.
        </p>
      )}
      {addedEntry && (
        <p className="banner" role="status" data-testid="added-banner">
          Added <strong>{addedEntry.tag}</strong> ({addedEntry.name}).{' '}
          <Link href={`/?algo=${encodeURIComponent(addedEntry.algorithm)}`}>See it in the ranked table</Link> or{' '}
          <Link href={`/coins/${encodeURIComponent(addedEntry.tag)}`}>open its page</Link>.
        </p>
      )}
      {removedTag && (
        <p className="banner" role="status" data-testid="removed-banner">
          Removed <strong>{removedTag}</strong>: its source is no longer asked.
        </p>
      )}
      {(refused === 'operator' || refused === 'limited') && (
        <p className="banner banner-stale" role="status" data-testid="refused-banner">
          {refused === 'operator'
            ? 'Removing a coin needs the operator: use this page on the server’s own machine, or give the operator token.'
            : 'Too many requests from your address: try again in a minute.'}
        </p>
      )}
      <AddCoinForm
        action={submitCoin}
        operator={operator}
        tokenField={!operator && tokenSet}
        algorithms={ALGORITHMS.map((a) => ({ value: a.slug, label: `${a.name} (${a.unit})` }))}
        kinds={CHAIN_KINDS.map((kind) => ({ value: kind, label: CHAIN_KIND_LABELS[kind] }))}
      />
      <p className="muted small">
        The server only connects to public addresses:{' '}
        {registry.allowPrivate
          ? 'except that this server’s operator allows private and loopback ones (ALLOW_PRIVATE_SOURCES).'
          : 'private, loopback and link-local ones are refused unless the operator sets ALLOW_PRIVATE_SOURCES.'}{' '}
        A coin added here is asked without credentials: a node that needs its RPC <code>user:password</code> goes in the operator’s registry file.
      </p>

      <section aria-labelledby="registry-heading">
        <h2 id="registry-heading">The coin registry ({entries.length} coins)</h2>
        <p className="muted small">
          Shipped entries are <code>lib/registry/coins.config.json</code>, each citing where its facts come from; added
          ones are kept in <code>{path.basename(registry.userFile)}</code> on the server.
        </p>
        <div className="table-wrap">
          <table data-testid="registry-table">
            <thead>
              <tr>
                <th className="left" scope="col">Coin</th>
                <th className="left" scope="col">Algorithm</th>
                <th className="left" scope="col">Network figures from</th>
                <th className="left" scope="col">Market</th>
                <th className="left" scope="col">Entry</th>
                <th className="left" scope="col">Last fetch</th>
              </tr>
            </thead>
            <tbody>
              {entries.map(({ entry, origin }) => {
                const status = statusOf(entry.tag);
                return (
                  <tr key={`${entry.tag}/${entry.algorithm}`} data-tag={entry.tag}>
                    <td className="left">
                      <strong>{entry.tag}</strong> <span className="name">{entry.name}</span>
                    </td>
                    <td className="left">{getAlgorithm(entry.algorithm)?.name ?? entry.algorithm}</td>
                    <td className="left">
                      {CHAIN_KIND_LABELS[entry.source.kind]}
                      <br />
                      <span className="muted small">{operator ? entry.source.url : shownUrl(entry.source.url)}</span>
                    </td>
                    <td className="left">{entry.price ? `CoinGecko ${entry.price.coingeckoId}` : 'no market'}</td>
                    <td className="left">
                      {origin === 'shipped' ? (
                        `shipped, ${entry.sources.length} citations`
                      ) : (
                        <form action={removeCoin} className="inline-form">
                          added here <input type="hidden" name="tag" value={entry.tag} />
                          {!operator && tokenSet && (
                            <input type="password" name="adminToken" aria-label="Operator token" placeholder="operator token" autoComplete="off" />
                          )}
                          <input type="hidden" name="algorithm" value={entry.algorithm} />
                          <button type="submit" aria-label={`Remove ${entry.tag}`}>
                            Remove
                          </button>
                        </form>
                      )}
                    </td>
                    <td className="left">
                      {!registry.chainEnabled
                        ? 'off'
                        : !status
                          ? 'not yet'
                          : status.ok
                            ? `ok, ${formatUtc(status.fetchedAt)}`
                            : `failed: ${operator ? (status.error ?? 'unknown error') : redactAddresses(status.error ?? 'unknown error')}${status.fetchedAt ? ` (kept data of ${formatUtc(status.fetchedAt)})` : ''}`}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
