// Spot electricity prices for the zones URLs name (spot=DE-LU…), fetched by the server on demand
// and cached per zone for an hour (aWATTar allows 100 requests a day per IP). A failed fetch keeps
// the last good prices, marked stale; 48 h after the last good answer the tariff falls back to the
// flat price (lib/electricity/tariff.ts says why, by code).
//
// Why not a source of the snapshot service: its sources are fetched every REFRESH_SECONDS whether
// anyone asks or not, and merged into the coin snapshot; a spot zone is wanted only by the URLs that
// name it, hourly, and is no coin data. This small per-zone cache keeps the same promises (timeout,
// zod-checked raw shape, last good kept and marked stale, one log line per failure) without
// fetching 31 zones every five minutes. Per instance: N instances ask at most N times an hour.
import 'server-only';
import { log } from '@/lib/infra/log';
import { parseEnv, type Env } from '@/lib/infra/env';
import { spotZone, type SpotZone } from '@/lib/electricity/spot-zones';
import type { SpotFeed, SpotPoint } from '@/lib/electricity/tariff';
import type { SpotPrices } from '@/lib/sources/spot/types';
import { fetchEnergyCharts } from '@/lib/sources/spot/energy-charts';
import { fetchAwattar } from '@/lib/sources/spot/awattar';
import { fetchOctopusAgile } from '@/lib/sources/spot/octopus-agile';

const HOUR_MS = 3_600_000;
export const SPOT_REFRESH_MS = HOUR_MS;
/** After a failure, ask again this much later (at most 72 a day, within aWATTar's 100). */
export const SPOT_RETRY_MS = 20 * 60_000;
/** The last good prices serve, stale, for this long; then the flat price. */
export const SPOT_FALLBACK_MS = 48 * HOUR_MS;
/** Prices older than this are dropped from the cache (the day before yesterday is the oldest used). */
const KEEP_MS = 72 * HOUR_MS;

export type SpotFetchZone = (zone: SpotZone, window: { fromMs: number; toMs: number }) => Promise<SpotPrices>;

type Entry = {
  prices: SpotPrices | null;
  lastGoodAtMs: number | null;
  lastAttemptMs: number | null;
  lastError: string | null;
  inflight: Promise<void> | null;
};

export class SpotService {
  private readonly entries = new Map<string, Entry>();
  private readonly fetchZone: SpotFetchZone;
  private readonly now: () => number;

  constructor(options: { fetchZone: SpotFetchZone; now?: () => number }) {
    this.fetchZone = options.fetchZone;
    this.now = options.now ?? Date.now;
  }

  /** The zone's prices as the server knows them now; null for an unknown zone. */
  async get(zoneId: string): Promise<SpotFeed | null> {
    const zone = spotZone(zoneId);
    if (!zone) return null;
    let entry = this.entries.get(zone.id);
    if (!entry) {
      entry = { prices: null, lastGoodAtMs: null, lastAttemptMs: null, lastError: null, inflight: null };
      this.entries.set(zone.id, entry);
    }
    const now = this.now();
    const wait = entry.lastError === null ? SPOT_REFRESH_MS : SPOT_RETRY_MS;
    if (!entry.inflight && (entry.lastAttemptMs === null || now - entry.lastAttemptMs >= wait)) {
      entry.inflight = this.refresh(zone, entry).finally(() => {
        entry.inflight = null;
      });
    }
    // Only a zone with nothing yet waits for its first answer; the others serve what they have.
    if (entry.prices === null && entry.inflight) await entry.inflight;
    return this.feed(zone, entry);
  }

  private async refresh(zone: SpotZone, entry: Entry): Promise<void> {
    const now = this.now();
    entry.lastAttemptMs = now;
    try {
      const fresh = await this.fetchZone(zone, { fromMs: now - 48 * HOUR_MS, toMs: now + 48 * HOUR_MS });
      entry.prices = { currency: fresh.currency, points: mergePoints(entry.prices?.points ?? [], fresh.points, now - KEEP_MS) };
      entry.lastGoodAtMs = now;
      entry.lastError = null;
    } catch (error) {
      entry.lastError = error instanceof Error ? error.message : String(error);
      log('warn', 'spot_fetch_failed', { zone: zone.id, error: entry.lastError });
    }
  }

  private feed(zone: SpotZone, entry: Entry): SpotFeed {
    const now = this.now();
    return {
      zone: zone.id,
      currency: entry.prices?.currency ?? zone.currency,
      points: entry.prices?.points ?? [],
      lastGoodAt: entry.lastGoodAtMs === null ? null : new Date(entry.lastGoodAtMs).toISOString(),
      stale: entry.lastError !== null,
      expired: entry.lastGoodAtMs === null || now - entry.lastGoodAtMs > SPOT_FALLBACK_MS,
    };
  }
}

/** New points replace old ones with the same start; points ending before `keepFrom` are dropped. */
function mergePoints(old: readonly SpotPoint[], fresh: readonly SpotPoint[], keepFrom: number): SpotPoint[] {
  const byStart = new Map<number, SpotPoint>();
  for (const p of [...old, ...fresh]) if (p.endMs > keepFrom) byStart.set(p.startMs, p);
  return [...byStart.values()].sort((a, b) => a.startMs - b.startMs);
}

/** Each zone's feed, at the configured base URLs. */
export function spotFetcher(env: Env): SpotFetchZone {
  const timeoutMs = env.UPSTREAM_TIMEOUT_MS;
  return (zone, window) => {
    switch (zone.feed) {
      case 'energy-charts':
        return fetchEnergyCharts(zone.code, { baseUrl: env.ENERGY_CHARTS_URL, timeoutMs, ...window });
      case 'awattar':
        return fetchAwattar({ baseUrl: zone.code === 'at' ? env.AWATTAR_AT_URL : env.AWATTAR_DE_URL, timeoutMs, ...window });
      case 'octopus-agile':
        return fetchOctopusAgile(zone.code, { baseUrl: env.OCTOPUS_URL, product: env.OCTOPUS_AGILE_PRODUCT, timeoutMs, ...window });
    }
  };
}

let shared: { service: SpotService; enabled: boolean } | null = null;

/**
 * The feed for a zone a URL names, for pages and route handlers; null without spot=. With `spot`
 * not in SOURCES the server fetches nothing and says so (the tariff falls back to the flat price).
 */
export async function getSpotFeed(zoneId: string | null): Promise<SpotFeed | null> {
  if (zoneId === null) return null;
  if (!shared) {
    const env = parseEnv();
    shared = { service: new SpotService({ fetchZone: spotFetcher(env) }), enabled: env.SOURCES.includes('spot') };
  }
  if (!shared.enabled) {
    const zone = spotZone(zoneId);
    return zone ? { zone: zone.id, currency: zone.currency, points: [], lastGoodAt: null, stale: false, expired: true, disabled: true } : null;
  }
  return shared.service.get(zoneId);
}
