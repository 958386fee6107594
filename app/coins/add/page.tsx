import type { Metadata } from 'next';
import Link from 'next/link';
import { AddCoinForm } from '@/components/add-coin-form';
import { sourceStatusText } from '@/lib/format/source-status';
import { ALGORITHMS, getAlgorithm } from '@/lib/mining/algorithms';
import { getRegistry, getSnapshot } from '@/lib/server/queries';
import { CHAIN_KINDS, CHAIN_KIND_LABELS } from '@/lib/sources/chain/types';
import { chainSourceId } from '@/lib/model/types';
import { removeCoin, removePoolSite, submitCoin, submitPoolSite } from './actions';
import { AddPoolSiteForm } from '@/components/add-pool-site-form';
import { POOL_KINDS } from '@/lib/model/pools';
import { POOL_KIND_LABELS } from '@/lib/sources/pools/index';
import { poolSiteKey } from '@/lib/registry/schema';
import { headers } from 'next/headers';
import path from 'node:path';
import { isOperator, operatorTokenSet } from '@/lib/server/operator';
import { shownUrl } from '@/lib/infra/redact';

export const metadata: Metadata = {
  title: 'Add a coin from its own node, explorer or pool',
  description: 'Add a small coin no aggregator lists: its network figures come straight from its own node or explorer.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AddCoinPage({ searchParams }: Props) {
  const { added, removed, refused, site, siteRemoved } = await searchParams;
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
  const addedSite = typeof site === 'string' ? registry.poolSites.find((s) => poolSiteKey(s) === site) : undefined;
  const siteStatus = (key: string) => snapshot.sources.find((s) => s.id === key) ?? null;
  // What each added site contributes to the table: its coin rows (MiningCore) and its pools.
  const coinsFrom = (key: string) => snapshot.coins.filter((c) => c.source === key).map((c) => c.tag);
  const poolsFrom = (key: string) => (snapshot.pools ?? []).filter((p) => p.sourceId === key).length;

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

      <section aria-labelledby="pool-site-heading">
        <h2 id="pool-site-heading">Add a pool site</h2>
        <p className="muted small">
          A pool site is read whole: every pool it runs shows in its coin’s Pools section, and a MiningCore site’s coins
          that no node or aggregator here lists become rows of their own, with the pool’s view of their network (no
          market price). A coin’s own node, where the registry has one, stays the truth for its figures. The same
          address guard as a coin’s source applies.
        </p>
        {addedSite && (
          <p className="banner" role="status" data-testid="site-added-banner">
            Added the pool site <strong>{operator ? addedSite.url : shownUrl(addedSite.url)}</strong>:{' '}
            {poolsFrom(poolSiteKey(addedSite))} pools read
            {coinsFrom(poolSiteKey(addedSite)).length > 0 ? `, coins added: ${coinsFrom(poolSiteKey(addedSite)).join(', ')}` : ''}.
          </p>
        )}
        {siteRemoved === '1' && (
          <p className="banner" role="status" data-testid="site-removed-banner">
            Removed the pool site: it is no longer asked.
          </p>
        )}
        <AddPoolSiteForm
          action={submitPoolSite}
          operator={operator}
          tokenField={!operator && tokenSet}
          kinds={POOL_KINDS.map((kind) => ({ value: kind, label: POOL_KIND_LABELS[kind] }))}
        />
        {registry.poolSites.length > 0 && (
          <div className="table-wrap">
            <table data-testid="pool-sites-table">
              <thead>
                <tr>
                  <th className="left" scope="col">Pool site</th>
                  <th className="left" scope="col">Software</th>
                  <th className="left" scope="col">Reads</th>
                  <th className="left" scope="col">Last fetch</th>
                  <th className="left" scope="col">Entry</th>
                </tr>
              </thead>
              <tbody>
                {registry.poolSites.map((entry) => {
                  const key = poolSiteKey(entry);
                  const status = siteStatus(key);
                  const coins = coinsFrom(key);
                  return (
                    <tr key={key} data-site={key}>
                      <td className="left">{operator ? entry.url : shownUrl(entry.url)}</td>
                      <td className="left">{POOL_KIND_LABELS[entry.kind]}</td>
                      <td className="left">
                        {poolsFrom(key)} pools{coins.length > 0 ? `; coins: ${coins.join(', ')}` : ''}
                      </td>
                      <td className="left">
                        {sourceStatusText(status, { enabled: registry.chainEnabled, operator })}
                      </td>
                      <td className="left">
                        <form action={removePoolSite} className="inline-form">
                          added here <input type="hidden" name="site" value={key} />
                          {!operator && tokenSet && (
                            <input type="password" name="adminToken" aria-label="Operator token" placeholder="operator token" autoComplete="off" />
                          )}
                          <button type="submit" aria-label={`Remove the pool site ${operator ? entry.url : shownUrl(entry.url)}`}>
                            Remove
                          </button>
                        </form>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

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
                      {sourceStatusText(status, { enabled: registry.chainEnabled, operator })}
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
