// The coins and pool sites a user adds, kept in a JSON file of the registry's own shape
// ({ "coins": [...], "poolSites": [...] }) so a hand edit gets the same line-numbered errors. Writes are atomic (temporary file in the same
// folder, fsync, rename) and serialized per file within the process, so concurrent adds all land.
import { writeFileAtomic } from '@/lib/infra/atomic-write';
import path from 'node:path';

import { loadRegistryDocument, parseRegistryDocument, RegistryError, type RegistryDocument } from './load';
import { poolSiteKey, poolSiteSchema, registryEntrySchema, registryKey, type PoolSiteEntry, type RegistryEntry } from './schema';

/** An entry the user submitted is invalid or clashes; `field` names the input to fix. */
export class RegistryFieldError extends RegistryError {
  readonly field: string;

  constructor(file: string, field: string, message: string) {
    super(file, [], `${field}: ${message}`);
    this.name = 'RegistryFieldError';
    this.field = field;
  }
}

/** One promise chain per file: each write starts after the previous one has settled. */
const queues = new Map<string, Promise<unknown>>();

function serialized<T>(filePath: string, task: () => Promise<T>): Promise<T> {
  const key = path.resolve(filePath);
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(task);
  const settled = next.catch(() => undefined);
  queues.set(key, settled);
  // Forget the chain once idle, so the map does not grow with every file ever written.
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}

/** The file's text: `poolSites` only once there is one, so a coins-only file reads as before. */
const serialize = ({ coins, poolSites }: RegistryDocument) =>
  `${JSON.stringify(poolSites.length > 0 ? { coins, poolSites } : { coins }, null, 2)}\n`;

/** The user's file (coins and pool sites); empty lists while it does not exist. */
export function readUserDocument(filePath: string): RegistryDocument {
  return loadRegistryDocument(filePath, { optional: true });
}

/** The user's coins file as text (what another instance is sent); an empty list while it does not exist. */
export async function readUserCoinsText(filePath: string): Promise<string> {
  return serialized(filePath, async () => serialize(readUserDocument(filePath)));
}

/**
 * Replaces the user's coins with a list another instance published (text of the same format).
 * Validated like a hand edit first: a bad list throws RegistryError and the file is left as it was.
 */
export function replaceUserCoinsText(filePath: string, text: string): Promise<RegistryEntry[]> {
  return serialized(filePath, async () => {
    const document = parseRegistryDocument(text, `${path.basename(filePath)} (shared)`);
    await writeFileAtomic(filePath, serialize(document));
    return document.coins;
  });
}

/** The user's coins; an empty list while the file does not exist yet. */
export function readUserCoins(filePath: string): RegistryEntry[] {
  return readUserDocument(filePath).coins;
}

/** The pool sites the user added; an empty list while the file does not exist yet. */
export function readUserPoolSites(filePath: string): PoolSiteEntry[] {
  return readUserDocument(filePath).poolSites;
}

/**
 * Validates `input` (a RegistryEntryInput from outside), refuses a coin already listed (same tag on the same algorithm) in the user's
 * file or in `shipped`, and appends it. Returns the stored (normalized) entry.
 */
export function addUserCoin(
  filePath: string,
  input: unknown,
  shipped: readonly RegistryEntry[] = [],
  options: { max?: number } = {},
): Promise<RegistryEntry> {
  const label = path.basename(filePath);
  const parsed = registryEntrySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.') || 'entry';
    return Promise.reject(new RegistryFieldError(label, field, issue.message));
  }
  const entry = parsed.data;
  return serialized(filePath, async () => {
    const document = readUserDocument(filePath);
    const current = document.coins;
    const key = registryKey(entry);
    const where = shipped.some((coin) => registryKey(coin) === key)
      ? 'the shipped registry'
      : current.some((coin) => registryKey(coin) === key)
        ? 'your coins'
        : null;
    if (where) throw new RegistryFieldError(label, 'tag', `${entry.tag} on ${entry.algorithm} is already in ${where}`);
    // Counted inside the one writer of this file, so concurrent adds cannot all pass the bound.
    if (options.max !== undefined && current.length >= options.max) {
      throw new RegistryFieldError(label, 'tag', `this server keeps at most ${options.max} added coins; remove one first`);
    }
    await writeFileAtomic(filePath, serialize({ ...document, coins: [...current, entry] }));
    return entry;
  });
}

/**
 * Removes the user's coin with this tag (on `algorithm` only, when given). Resolves to the number
 * of entries removed; the file is not rewritten when nothing matched.
 */
export function removeUserCoin(filePath: string, tag: string, algorithm?: string): Promise<number> {
  const wanted = tag.trim().toUpperCase();
  return serialized(filePath, async () => {
    const document = readUserDocument(filePath);
    const current = document.coins;
    const kept = current.filter((coin) => coin.tag !== wanted || (algorithm !== undefined && coin.algorithm !== algorithm));
    const removed = current.length - kept.length;
    if (removed > 0) await writeFileAtomic(filePath, serialize({ ...document, coins: kept }));
    return removed;
  });
}

/**
 * Validates a pool site (`input` from outside), refuses one already added or one the shipped
 * registry's coins already name (`taken`: their source ids), and appends it, inside the file's one
 * writer so concurrent adds cannot pass `max` together. Returns the stored (normalized) site.
 */
export function addUserPoolSite(
  filePath: string,
  input: unknown,
  taken: ReadonlySet<string> = new Set(),
  options: { max?: number } = {},
): Promise<PoolSiteEntry> {
  const label = path.basename(filePath);
  const parsed = poolSiteSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return Promise.reject(new RegistryFieldError(label, issue.path.map(String).join('.') || 'url', issue.message));
  }
  const site = parsed.data;
  return serialized(filePath, async () => {
    const document = readUserDocument(filePath);
    const key = poolSiteKey(site);
    if (taken.has(key)) throw new RegistryFieldError(label, 'url', 'the shipped registry already reads this pool site');
    if (document.poolSites.some((s) => poolSiteKey(s) === key)) throw new RegistryFieldError(label, 'url', 'this pool site is already added');
    if (options.max !== undefined && document.poolSites.length >= options.max) {
      throw new RegistryFieldError(label, 'url', `this server keeps at most ${options.max} added pool sites; remove one first`);
    }
    await writeFileAtomic(filePath, serialize({ ...document, poolSites: [...document.poolSites, site] }));
    return site;
  });
}

/** Removes the added pool site whose source id is `key`; resolves to the number removed (0 or 1). */
export function removeUserPoolSite(filePath: string, key: string): Promise<number> {
  return serialized(filePath, async () => {
    const document = readUserDocument(filePath);
    const kept = document.poolSites.filter((s) => poolSiteKey(s) !== key);
    const removed = document.poolSites.length - kept.length;
    if (removed > 0) await writeFileAtomic(filePath, serialize({ ...document, poolSites: kept }));
    return removed;
  });
}
