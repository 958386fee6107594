// Operator actions on the coin registry: adding and removing the coins every instance polls.
import 'server-only';
import type { RegistryEntry } from '@/lib/registry/schema';
import { addUserCoin, readUserCoins, removeUserCoin } from '@/lib/registry/store';
import { buildFetchers } from './fetchers';
import { allCoins, services, type Services } from './services';

/** Applies a change to the added coins, published to the other instances when there are any. */
function changeUserCoins<T>(s: Services, change: () => Promise<T>): Promise<T> {
  return s.coinsSync ? s.coinsSync.change(change) : change();
}

/** Each added coin is a source asked every refresh: a bound keeps the page from becoming a way to flood. */
export const MAX_USER_COINS = 50;

/**
 * Saves a user's coin (an operator action: callers check requireOperator first) (validated, never a duplicate, published to the other instances), starts
 * asking its source, and waits for one refresh so the next page shows it. Throws
 * RegistryFieldError naming the bad field.
 */
export async function addRegistryCoin(input: unknown): Promise<RegistryEntry> {
  const s = services();
  const { registry, env, snapshots } = s;
  const entry = await changeUserCoins(s, () => addUserCoin(env.USER_COINS_FILE, input, registry.shipped, { max: MAX_USER_COINS }));
  registry.user = readUserCoins(env.USER_COINS_FILE);
  // Only the new coin's source is asked now; every other source keeps its period.
  snapshots.setFetchers(buildFetchers(env, allCoins(registry)));
  if (snapshots.live) await snapshots.refresh();
  return entry;
}

/** Removes a coin the user added (never a shipped one); the next page no longer asks its source. */
export async function removeRegistryCoin(tag: string, algorithm: string): Promise<number> {
  const s = services();
  const { registry, env, snapshots } = s;
  const removed = await changeUserCoins(s, () => removeUserCoin(env.USER_COINS_FILE, tag, algorithm));
  if (removed > 0) {
    registry.user = readUserCoins(env.USER_COINS_FILE);
    // Re-merged without the coin; no source is asked.
    snapshots.setFetchers(buildFetchers(env, allCoins(registry)));
    if (snapshots.live) await snapshots.refresh();
  }
  return removed;
}

