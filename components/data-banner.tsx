import Link from 'next/link';
import { CHAIN_SOURCE_PREFIX, isChainSourceId, type Snapshot } from '@/lib/model/types';
import { formatAge } from '@/lib/format/units';
import { formatUtc } from '@/lib/format/time';
import { isPoolSourceId } from '@/lib/model/pools';

const dayFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

export { formatUtc };

/** The sources that fed the data; coins' own nodes and explorers are counted, not listed. */
function sourceList(snapshot: Snapshot): string {
  // Pool sites are shown, with their age, in each coin's Pools section.
  const fed = snapshot.sources.filter((s) => s.fetchedAt && !isPoolSourceId(s.id));
  const names = fed.filter((s) => !isChainSourceId(s.id)).map((s) => s.name);
  const chains = fed.filter((s) => isChainSourceId(s.id)).length;
  if (chains > 0) names.push(`${chains} ${chains === 1 ? 'coin’s' : 'coins’'} own node, explorer or pool`);
  return names.join(', ');
}

/** Says plainly which data the page shows, from which source and how old it is. */
export function DataBanner({ snapshot, now }: { snapshot: Snapshot; now: number }) {
  const age = formatAge((now - Date.parse(snapshot.asOf)) / 1000);
  const failed = snapshot.sources.filter((s) => !s.ok && s.error && !isPoolSourceId(s.id));
  // A coin's own node failing is that coin's problem: counted in one line, not one line each.
  const failedChains = failed.filter((s) => isChainSourceId(s.id));
  const failedAggregators = failed.filter((s) => !isChainSourceId(s.id));
  const lagging = snapshot.coins.filter((c) => c.flags.some((f) => f.code === 'lagging')).length;

  if (snapshot.mode === 'embedded') {
    // The live sources this server asks (none when SOURCES is set empty).
    const asked = snapshot.sources.filter((s) => s.id !== 'embedded' && !isPoolSourceId(s.id));
    const embedded = snapshot.sources.find((s) => s.id === 'embedded');
    return (
      <section className="banner banner-embedded" role="status" aria-label="Data source" data-testid="data-banner">
        <strong>Offline snapshot — not live data.</strong>
        Figures are the {embedded?.name ?? 'embedded'} response recorded on {dayFormat.format(Date.parse(snapshot.asOf))},{' '}
        {age} old. Prices, difficulty and hashrates have changed since;{' '}
        {asked.length === 0 ? (
          <>
            <code>SOURCES</code> is set empty, so no live source is asked (see the README).
          </>
        ) : failed.length === 0 ? (
          <>the live sources are being asked: a reload shows their figures once one answers.</>
        ) : (
          <>no live source has answered yet; each is asked again every refresh.</>
        )}
        {failed.length > 0 && (
          <ul>
            {failedAggregators.map((s) => (
              <li key={s.id}>
                {s.name} could not be reached: {s.error}
              </li>
            ))}
            {failedChains.length > 0 && (
              <li>{failedChains.length} coins’ own nodes, explorers or pools could not be reached.</li>
            )}
          </ul>
        )}
      </section>
    );
  }

  return (
    <section
      className={`banner ${snapshot.stale ? 'banner-stale' : ''}`}
      role="status"
      aria-label="Data source"
      data-testid="data-banner"
    >
      <strong>{snapshot.stale ? 'Stale data.' : 'Live data.'}</strong>
      As of {formatUtc(snapshot.asOf)} ({age} ago) from {sourceList(snapshot)}.
      {lagging > 0 && (
        <span className="muted">
          {' '}
          {lagging} of {snapshot.coins.length} coins have figures their source has not updated recently; they are
          flagged “lagging”.
        </span>
      )}
      {failedChains.length > 0 && (
        <span className="muted">
          {' '}
          {failedChains.length} coin {failedChains.length === 1 ? 'source' : 'sources'} failed on the last refresh (
          {failedChains.map((s) => s.id.slice(CHAIN_SOURCE_PREFIX.length)).join(', ')}): those coins show their last good
          figures, flagged “stale”, or are missing until their source answers; see <Link href="/coins/add">the registry</Link>.
        </span>
      )}
      {failedAggregators.length > 0 && (
        <ul>
          {failedAggregators.map((s) => (
            <li key={s.id}>
              {s.name} failed: {s.error}. Showing its last good data from {formatUtc(s.fetchedAt)}.
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
