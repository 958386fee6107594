// Operator actions on the coin registry: adding and removing the coins every instance polls.
import 'server-only';
import type { RegistryEntry } from '@/lib/registry/schema';
import { addUserCoin, readUserCoins, RegistryFieldError, removeUserCoin } from '@/lib/registry/store';
import { buildFetchers } from './fetchers';
import { allCoins, services, type Services } from './services';

/** Applies a change to the added coins, published to the other instances when there are any. */
function changeUserCoins<T>(s: Services, change: () => Promise<T>): Promise<T> {
  return s.coinsSync ? s.coinsSync.change(change) : change();
}

/** Each added coin is a source asked every refresh: a bound keeps the page from becoming a way to flood. */
export const MAX_USER_COINS = 50;

/**
 * Saves a user's coin (validated, never a duplicate, published to the other instances), starts
 * asking its source, and waits for one refresh so the next page shows it. Throws
 * RegistryFieldError naming the bad field.
 */
export async function addRegistryCoin(input: unknown): Promise<RegistryEntry> {
  const s = services();
  const { registry, env, snapshots } = s;
  const entry = await changeUserCoins(s, async () => {
    if (registry.user.length >= MAX_USER_COINS) {
      throw new RegistryFieldError(env.USER_COINS_FILE, 'tag', `this server keeps at most ${MAX_USER_COINS} added coins; remove one first`);
    }
    return addUserCoin(env.USER_COINS_FILE, input, registry.shipped);
  });
  registry.user = readUserCoins(env.USER_COINS_FILE);
  snapshots.setFetchers(buildFetchers(env, allCoins(registry)));
  if (snapshots.live) await snapshots.refresh({ force: true });
  return entry;
}

/** Removes a coin the user added (never a shipped one); the next page no longer asks its source. */
export async function removeRegistryCoin(tag: string, algorithm: string): Promise<number> {
  const s = services();
  const { registry, env, snapshots } = s;
  const removed = await changeUserCoins(s, () => removeUserCoin(env.USER_COINS_FILE, tag, algorithm));
  if (removed > 0) {
    registry.user = readUserCoins(env.USER_COINS_FILE);
    snapshots.setFetchers(buildFetchers(env, allCoins(registry)));
    if (snapshots.live) await snapshots.refresh({ force: true });
  }
  return removed;
}

