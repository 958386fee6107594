import { formatSignificant } from '@/lib/format/units';
import type { RegistryEntry } from '@/lib/registry/schema';

/** The registry's facts for this coin, each with its citation. `sourceKind` is the source kind's label. */
export function RegistryPanel({ entry, sourceKind }: { entry: RegistryEntry; sourceKind: string }) {
  return (
    <section className="panel" aria-labelledby="registry-title" data-testid="registry-entry">
      <h2 id="registry-title">Registry entry</h2>
      <p className="muted small">
        This coin is in the coin registry: its network figures come from its own {sourceKind} at <code>{entry.source.url}</code>,
        and these are the sources of the facts the registry adds (target block time {formatSignificant(entry.blockTimeSeconds, 4)}{' '}
        s, algorithm{entry.emission ? ', reward schedule' : ''}).
      </p>
      <ul className="small">
        {entry.sources.map((citation) => (
          <li key={`${citation.fact}|${citation.url}`}>
            {citation.fact}: <a href={citation.url} rel="noopener noreferrer nofollow">{citation.url}</a>
          </li>
        ))}
      </ul>
      {entry.notes && <p className="muted small">Notes: {entry.notes}</p>}
    </section>
  );
}
