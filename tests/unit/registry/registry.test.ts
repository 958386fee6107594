// The coin registry: the shipped file's facts and citations, line-numbered errors, rewardAtHeight.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { getAlgorithm } from '@/lib/mining/algorithms';
import { loadRegistryFile, loadShippedRegistry, parseRegistry, RegistryError } from '@/lib/registry/load';
import { registryEntrySchema, rewardAtHeight, type Emission } from '@/lib/registry/schema';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/registry');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

/** Runs parseRegistry and returns the RegistryError it throws. */
function registryError(text: string, label = 'coins.config.json'): RegistryError {
  try {
    parseRegistry(text, label);
  } catch (error) {
    if (error instanceof RegistryError) return error;
    throw error;
  }
  throw new Error('expected a RegistryError');
}

describe('shipped registry (lib/registry/coins.config.json)', () => {
  const coins = loadShippedRegistry(ROOT);
  const coingeckoIds = new Set(
    (JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/coingecko-coins_list-2023-11-01.json'), 'utf8')) as Array<{
      id: string;
    }>).map((coin) => coin.id),
  );

  it('parses and lists at least 15 coins', () => {
    expect(coins.length).toBeGreaterThanOrEqual(15);
  });

  it('has unique tags', () => {
    const tags = coins.map((coin) => coin.tag);
    expect(new Set(tags).size).toBe(tags.length);
  });

  it.each(coins.map((coin) => [coin.tag, coin] as const))('%s cites its facts over https', (_tag, coin) => {
    expect(coin.sources.length).toBeGreaterThanOrEqual(1);
    for (const citation of coin.sources) {
      expect(new URL(citation.url).protocol).toBe('https:');
      expect(citation.fact.length).toBeGreaterThan(5);
    }
  });

  it.each(coins.map((coin) => [coin.tag, coin] as const))('%s uses a known algorithm', (_tag, coin) => {
    expect(getAlgorithm(coin.algorithm)?.slug).toBe(coin.algorithm);
  });

  it.each(coins.filter((coin) => coin.price).map((coin) => [coin.tag, coin.price!.coingeckoId] as const))(
    '%s price id %s is in the recorded CoinGecko coins list',
    (_tag, id) => {
      expect(coingeckoIds.has(id)).toBe(true);
    },
  );

  it('points YIIMP entries at the keys of the recorded raptorhash.com answer', () => {
    // The recording starts with a browser JSON-viewer header: drop the // lines before parsing.
    const text = fixture('yiimp-raptorhash-api_currencies-2025-02-14.jsonc');
    const recorded = JSON.parse(text.replace(/^\/\/.*$/gm, '')) as Record<string, { algo: string }>;
    const yiimp = coins.flatMap((coin) => (coin.source.kind === 'yiimp' ? [coin.source] : []));
    expect(yiimp.length).toBe(11);
    for (const source of yiimp) {
      expect(source.url).toBe('https://raptorhash.com');
      expect(Object.keys(recorded)).toContain(source.symbol);
    }
  });

  it('keeps the facts checked by hand for a few coins', () => {
    const byTag = new Map(coins.map((coin) => [coin.tag, coin]));
    // RTM: nPowTargetSpacing = 2 * 60; raptorhash's "gr" is GhostRider.
    expect(byTag.get('RTM')).toMatchObject({ algorithm: 'ghostrider', blockTimeSeconds: 120, price: { coingeckoId: 'raptoreum' } });
    // PLSR: 1.25 * 60 = 75 s.
    expect(byTag.get('PLSR')?.blockTimeSeconds).toBe(75);
    // WOW: COIN = 10^11, so 11 decimals rather than monerod's default 12.
    expect(byTag.get('WOW')?.source).toEqual({ kind: 'monero-rpc', url: 'http://node.suchwow.xyz:34568', decimals: 11 });
    // VTC: 50 halving every 840000 blocks; block 1,000,000 is in the second era.
    expect(rewardAtHeight(byTag.get('VTC')?.emission, 1_000_000)).toBe(25);
  });
});

describe('parseRegistry: line-numbered errors', () => {
  it('parses a valid file and normalizes it', () => {
    const coins = parseRegistry(fixture('valid.json'), 'valid.json');
    expect(coins.map((coin) => coin.tag)).toEqual(['RTM', 'VTC']);
    // The trailing slash of the Blockbook URL is dropped by the chain source schema.
    expect(coins[1]?.source).toEqual({ kind: 'blockbook', url: 'https://vtc1.trezor.io' });
  });

  it('names the line of a wrong type', () => {
    const error = registryError(fixture('wrong-type.json'));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ line: 27, path: 'coins[1].blockTimeSeconds' });
    expect(error.message).toBe('coins.config.json:27: coins[1].blockTimeSeconds: Invalid input: expected number, received string');
  });

  it('names the line of a bad URL', () => {
    const error = registryError(fixture('bad-url.json'));
    expect(error.message).toBe('coins.config.json:30: coins[1].source.url: must be an http:// or https:// URL');
  });

  it('names the line of an unknown algorithm and suggests the slug', () => {
    const error = registryError(fixture('unknown-algorithm.json'));
    expect(error.issues[0]).toMatchObject({ line: 6, path: 'coins[0].algorithm' });
    expect(error.message).toContain('coins.config.json:6: coins[0].algorithm: unknown algorithm "gr"');
    // "gr" is not an alias; the message lists a few valid slugs instead.
    expect(error.message).toContain('kawpow, randomx, ghostrider');
  });

  it('suggests the slug when the name is a known upstream spelling', () => {
    const text = fixture('unknown-algorithm.json').replace('"algorithm": "gr"', '"algorithm": "FishHash"');
    expect(registryError(text).message).toContain('did you mean "blake3-ironfish"?');
  });

  it('names both lines of a duplicate tag (tags compare after upper-casing)', () => {
    const error = registryError(fixture('duplicate-tag.json'));
    expect(error.issues).toHaveLength(1);
    expect(error.message).toBe(
      'coins.config.json:53: coins[2].tag: RTM on ghostrider is listed twice (also coins[0]), first at line 4',
    );
  });

  it('reports a JSON syntax error with line and column', () => {
    const error = registryError(fixture('syntax-error.json'), 'syntax-error.json');
    expect(error.issues[0]).toMatchObject({ line: 26, column: 7 });
    expect(error.message.split('\n')[0]).toBe('syntax-error.json:26:7: JSON syntax error: CommaExpected');
  });

  it('reports every problem, one per line, sorted by line', () => {
    const text = fixture('valid.json')
      .replace('"blockTimeSeconds": 150', '"blockTimeSeconds": -1')
      .replace('"tag": "RTM"', '"tag": "R"')
      .replace('"coingeckoId": "raptoreum"', '"coingeckoId": "Raptoreum Coin"');
    const error = registryError(text);
    expect(error.issues.map((issue) => [issue.line, issue.path])).toEqual([
      [4, 'coins[0].tag'],
      [14, 'coins[0].price.coingeckoId'],
      [27, 'coins[1].blockTimeSeconds'],
    ]);
    expect(error.message.split('\n')).toHaveLength(3);
  });

  it('names a missing field at its object and an unknown key at the key', () => {
    const text = fixture('valid.json').replace('"name": "Raptoreum",', '"nmae": "Raptoreum",');
    const error = registryError(text);
    expect(error.issues.map((issue) => `${issue.line} ${issue.path} ${issue.message}`)).toEqual([
      '3 coins[0].name is required (string)',
      '5 coins[0] unknown key "nmae" (a typo?)',
    ]);
  });

  it('refuses a duplicate JSON key instead of keeping the last one silently', () => {
    const text = fixture('valid.json').replace('"tag": "VTC",', '"tag": "VTC",\n      "tag": "DGB",');
    expect(registryError(text).message).toBe(
      'coins.config.json:25: coins[1].tag: key "tag" appears twice (first at line 24); only the last would count',
    );
  });

  it('reports a markup name and an emission that does not start at 0', () => {
    const text = fixture('valid.json')
      .replace('"name": "Vertcoin"', '"name": "<b>Vertcoin</b>"')
      .replace('"fromHeight": 0', '"fromHeight": 5');
    const messages = registryError(text).message.split('\n');
    expect(messages).toEqual([
      'coins.config.json:25: coins[1].name: must be plain text (no < > or control characters)',
      'coins.config.json:36: coins[1].emission.schedule[0].fromHeight: the first step must start at height 0',
    ]);
  });
});

describe('loadRegistryFile', () => {
  it('treats a missing optional file as empty and a missing required file as an error', () => {
    const missing = path.join(FIXTURES, 'no-such-file.json');
    expect(loadRegistryFile(missing, { optional: true })).toEqual([]);
    expect(() => loadRegistryFile(missing, { optional: false })).toThrow('no-such-file.json: file not found');
  });

  it('labels errors with the file name', () => {
    expect(() => loadRegistryFile(path.join(FIXTURES, 'bad-url.json'), { optional: false })).toThrow(
      /^bad-url\.json:30: /,
    );
  });
});

describe('registryEntrySchema', () => {
  const entry = {
    tag: ' rtm ',
    name: 'Raptoreum',
    algorithm: 'ghostrider',
    blockTimeSeconds: 120,
    source: { kind: 'yiimp', url: 'https://raptorhash.com', symbol: 'RTM' },
    price: null,
    sources: [{ fact: 'block time 120 s', url: 'https://github.com/Raptor3um/raptoreum' }],
  };

  it('trims and upper-cases the tag', () => {
    expect(registryEntrySchema.parse(entry).tag).toBe('RTM');
  });

  it.each([
    ['a block time over a day (milliseconds by mistake)', { blockTimeSeconds: 120_000 }, 'blockTimeSeconds'],
    ['a zero block time', { blockTimeSeconds: 0 }, 'blockTimeSeconds'],
    ['no citation', { sources: [] }, 'sources'],
    ['a price that is neither an id nor null', { price: 'raptoreum' }, 'price'],
    ['credentials in the source URL', { source: { kind: 'blockbook', url: 'https://u:p@example.org' } }, 'source.url'],
    ['a 61-character name', { name: 'x'.repeat(61) }, 'name'],
  ])('rejects %s', (_case, patch, field) => {
    const result = registryEntrySchema.safeParse({ ...entry, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.')).toBe(field);
  });

  it('rejects heights that do not increase strictly', () => {
    const emission = { schedule: [{ fromHeight: 0, reward: 50 }, { fromHeight: 10, reward: 25 }, { fromHeight: 10, reward: 12 }] };
    const result = registryEntrySchema.safeParse({ ...entry, emission });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['emission.schedule.2.fromHeight']);
  });
});

describe('rewardAtHeight', () => {
  // Vertcoin-like: 50, halving every 840000 blocks.
  const emission: Emission = {
    schedule: [
      { fromHeight: 0, reward: 50 },
      { fromHeight: 840_000, reward: 25 },
      { fromHeight: 1_680_000, reward: 12.5 },
    ],
  };

  it.each([
    [0, 50], // first block of the first step
    [839_999, 50], // last block before the halving
    [840_000, 25], // the halving block itself pays the new reward
    [1_000_000, 25],
    [1_680_000, 12.5],
    [9_999_999, 12.5], // past the last step: the last reward stays
  ])('height %d pays %d', (height, reward) => {
    expect(rewardAtHeight(emission, height)).toBe(reward);
  });

  it.each([
    ['no schedule', undefined, 100],
    ['a negative height', emission, -1],
    ['NaN', emission, Number.NaN],
  ])('is null for %s', (_case, schedule, height) => {
    expect(rewardAtHeight(schedule, height)).toBeNull();
  });
});
