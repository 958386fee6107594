import { notFound } from 'next/navigation';
import { AlertManage } from '@/components/alert-manage';
import { getAlerts } from '@/lib/server/queries';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The secret page of one alert: its rule, its state, its delivery log, and pause / delete. */
export default async function AlertPage({ params, searchParams }: Props) {
  const { id } = await params;
  const key = (await searchParams).key;
  const { store } = getAlerts();
  const stored = typeof key === 'string' && key ? await store.authorized(id, key) : null;
  if (!stored) notFound();
  const deliveries = await store.deliveries(id);
  // Same-origin path: the page may be opened under another host name than SITE_URL (a proxy, 127.0.0.1).
  const apiUrl = `/api/alerts/${encodeURIComponent(id)}?key=${encodeURIComponent(String(key))}`;
  return (
    <>
      <h1>Alert {id}</h1>
      <section className="panel">
        <dl className="kv">
          <dt>Rule</dt>
          <dd>
            <code>{JSON.stringify(stored.rule)}</code>
          </dd>
          <dt>Sent to</dt>
          <dd>{stored.destination.kind}</dd>
          <dt>State</dt>
          <dd data-testid="alert-state">
            {stored.paused === 'destination-failing'
              ? 'paused: its destination failed for a day'
              : stored.paused
                ? 'paused'
                : stored.state.fired
                  ? 'fired; fires again after the condition clears'
                  : stored.state.holdingSince !== null
                    ? `condition holding since ${new Date(stored.state.holdingSince).toISOString()}`
                    : 'watching'}
          </dd>
        </dl>
        <AlertManage apiUrl={apiUrl} paused={stored.paused !== null} />
      </section>
      <section className="panel">
        <h2>Deliveries</h2>
        {deliveries.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th className="left">When (UTC)</th>
                <th className="left">Outcome</th>
                <th>Attempt</th>
                <th className="left">Detail</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d, i) => (
                <tr key={i}>
                  <td className="left">{new Date(d.at).toISOString().replace('T', ' ').slice(0, 19)}</td>
                  <td className="left">{d.outcome}</td>
                  <td>{d.attempt}</td>
                  <td className="left">{d.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
