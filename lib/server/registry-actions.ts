// Operator actions on the coin registry: adding and removing the coins and pool sites every instance polls.
import 'server-only';
import type { PoolSiteEntry, RegistryEntry } from '@/lib/registry/schema';
import { registryPoolSiteIds } from '@/lib/registry/pool-fetchers';
import { addUserCoin, addUserPoolSite, readUserDocument, removeUserCoin, removeUserPoolSite } from '@/lib/registry/store';
import { allCoins, registryFetchers, services, type Services } from './services';

/** Applies a change to the added coins, published to the other instances when there are any. */
function changeUserCoins<T>(s: Services, change: () => Promise<T>): Promise<T> {
  return s.coinsSync ? s.coinsSync.change(change) : change();
}

/** Each added coin is a source asked every refresh: a bound keeps the page from becoming a way to flood. */
export const MAX_USER_COINS = 50;
/** Each added pool site is a source too (a MiningCore site: one request plus one per pool, paced). */
export const MAX_USER_POOL_SITES = 10;

/** Re-reads the user's file and swaps the sources: only a new one is asked now, the rest keep their period. */
async function reload(s: Services): Promise<void> {
  const { registry, env, snapshots } = s;
  const document = readUserDocument(env.USER_COINS_FILE);
  registry.user = document.coins;
  registry.poolSites = document.poolSites;
  snapshots.setFetchers(registryFetchers(env, registry));
  if (snapshots.live) await snapshots.refresh();
}

/**
 * Saves a user's coin (an operator action: callers check requireOperator first) (validated, never a duplicate, published to the other instances), starts
 * asking its source, and waits for one refresh so the next page shows it. Throws
 * RegistryFieldError naming the bad field.
 */
export async function addRegistryCoin(input: unknown): Promise<RegistryEntry> {
  const s = services();
  const entry = await changeUserCoins(s, () => addUserCoin(s.env.USER_COINS_FILE, input, s.registry.shipped, { max: MAX_USER_COINS }));
  // Only the new coin's source is asked now; every other source keeps its period.
  await reload(s);
  return entry;
}

/** Removes a coin the user added (never a shipped one); the next page no longer asks its source. */
export async function removeRegistryCoin(tag: string, algorithm: string): Promise<number> {
  const s = services();
  const removed = await changeUserCoins(s, () => removeUserCoin(s.env.USER_COINS_FILE, tag, algorithm));
  // Re-merged without the coin; no source is asked.
  if (removed > 0) await reload(s);
  return removed;
}

/**
 * Saves a pool site (an operator action: callers check isOperator first): never one already added
 * or one the registry's coins name, at most MAX_USER_POOL_SITES, published to the other instances.
 * Only that site's source is asked now. Throws RegistryFieldError naming the bad field.
 */
export async function addRegistryPoolSite(input: unknown): Promise<PoolSiteEntry> {
  const s = services();
  const taken = registryPoolSiteIds(allCoins(s.registry));
  const site = await changeUserCoins(s, () => addUserPoolSite(s.env.USER_COINS_FILE, input, taken, { max: MAX_USER_POOL_SITES }));
  await reload(s);
  return site;
}

/** Removes an added pool site by its source id; its pools and coins leave with the next merge. */
export async function removeRegistryPoolSite(key: string): Promise<number> {
  const s = services();
  const removed = await changeUserCoins(s, () => removeUserPoolSite(s.env.USER_COINS_FILE, key));
  if (removed > 0) await reload(s);
  return removed;
}
