// The add-pool-site form: its fields as strings in, a pool site (or an error per field) out, and
// what a live read of the site found, as codes and figures for the form. Pure; the page's server
// action does the I/O.
import type { PoolSiteReading } from '@/lib/sources/pools/site';
import { poolSiteSchema, type PoolSiteEntry } from './schema';
import { ADD_POOL_SITE_FIELDS, type AddPoolSiteField, type AddPoolSiteValues, type PoolSiteCheck } from './add-pool-site-state';

const MAX_FIELD_LENGTH = 500;

export function poolSiteValuesFromForm(form: { get(name: string): unknown }): AddPoolSiteValues {
  const values: AddPoolSiteValues = {};
  for (const field of ADD_POOL_SITE_FIELDS) {
    const raw = form.get(field);
    if (typeof raw === 'string') values[field] = raw.slice(0, MAX_FIELD_LENGTH);
  }
  return values;
}

/** The site the form describes, or what is wrong with it, by field. */
export function poolSiteFromValues(
  values: AddPoolSiteValues,
): { success: true; site: PoolSiteEntry } | { success: false; fieldErrors: Partial<Record<AddPoolSiteField, string>> } {
  const url = (values.poolUrl ?? '').trim();
  if (url === '') return { success: false, fieldErrors: { poolUrl: 'is required: the pool site’s address, e.g. https://pool.example' } };
  const parsed = poolSiteSchema.safeParse({ kind: (values.poolKind ?? '').trim(), url });
  if (parsed.success) return { success: true, site: parsed.data };
  const fieldErrors: Partial<Record<AddPoolSiteField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field: AddPoolSiteField = issue.path[0] === 'kind' ? 'poolKind' : 'poolUrl';
    fieldErrors[field] ??= issue.message;
  }
  return { success: false, fieldErrors };
}

/** What the check shows: every pool read, every coin it would add, and every pool left out with why. */
export function checkFromReading(reading: PoolSiteReading): PoolSiteCheck {
  return {
    pools: reading.pools.map((p) => ({
      tag: p.tag,
      poolId: p.poolId,
      feePercent: p.feePercent,
      poolHashrate: p.poolHashrate,
      networkHashrate: p.networkHashrate,
      miners: p.miners,
    })),
    coins: reading.coins.map((c) => ({
      tag: c.tag,
      name: c.name,
      algorithm: c.algorithm,
      difficulty: c.difficulty,
      networkHashrate: c.networkHashrate,
      blockReward: c.blockReward,
      height: reading.heights[c.tag] ?? null,
    })),
    skipped: reading.skipped,
  };
}

/** A site that answered but gave nothing this app can use: the message for the URL field. */
export function emptyReadingMessage(reading: PoolSiteReading): string | null {
  if (reading.pools.length > 0 || reading.coins.length > 0) return null;
  return reading.skipped.length === 0
    ? 'the site answered but runs no pool'
    : `the site answered but none of its ${reading.skipped.length} pools has a coin this app can rank (see below)`;
}
