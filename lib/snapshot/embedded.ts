// The dated snapshot the repo ships: hashrate.no's /v1/coins as recorded on 2024-03-16 (97
// coins; see tests/fixtures/README.md for provenance). Served when no live source is
// configured or none has ever answered, and always labelled as what it is.
import recording from '@/lib/snapshot/embedded/hashrateno-v1_coins-2024-03-16.json';
import { mergeSources } from './merge';
import { normalizeHashrateNo } from '@/lib/sources/hashrateno';
import { type Snapshot } from '@/lib/model/types';
import { emptyPayload } from '@/lib/sources/contract';

/** The recording's date (the commit that captured it); the time of day is not known. */
export const EMBEDDED_AS_OF = '2024-03-16T00:00:00.000Z';
export const EMBEDDED_SOURCE_NAME = 'hashrate.no /v1/coins';

let cached: Snapshot | null = null;

export function embeddedSnapshot(): Snapshot {
  if (cached) return cached;
  const { data, skipped } = normalizeHashrateNo(recording, EMBEDDED_AS_OF);
  cached = mergeSources(
    [
      {
        status: {
          id: 'embedded',
          name: EMBEDDED_SOURCE_NAME,
          url: 'https://api.hashrate.no/v1/coins',
          ok: true,
          fetchedAt: EMBEDDED_AS_OF,
          error: skipped.length > 0 ? `${skipped.length} entries not used: ${skipped.map((s) => `${s.name} (${s.reason})`).join('; ')}` : null,
          // Dated, not stale: the page says so once, rather than flagging every coin.
          stale: false,
          coins: data.length,
        },
        payload: { ...emptyPayload(), coins: data, btcUsd: data.find((c) => c.tag === 'BTC')?.priceUsd ?? null },
      },
    ],
    'embedded',
  );
  return cached;
}
