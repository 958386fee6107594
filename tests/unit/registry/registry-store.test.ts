// The user's coin file: round trip, duplicates refused, atomic writes, concurrent adds.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { parseRegistry, RegistryError } from '@/lib/registry/load';
import type { RegistryEntryInput } from '@/lib/registry/schema';
import { addUserCoin, addUserPoolSite, readUserCoins, readUserPoolSites, RegistryFieldError, removeUserCoin, removeUserPoolSite } from '@/lib/registry/store';

const shipped = parseRegistry(
  readFileSync(path.resolve(__dirname, '../../fixtures/registry/valid.json'), 'utf8'),
  'valid.json',
);

const coin = (tag: string, algorithm = 'kawpow'): RegistryEntryInput => ({
  tag,
  name: `Coin ${tag}`,
  algorithm,
  blockTimeSeconds: 60,
  source: { kind: 'bitcoin-rpc', url: 'http://127.0.0.1:8766/', authEnv: 'COIN_RPC_AUTH' },
  price: null,
  sources: [{ fact: 'block time 60 s', url: 'https://example.org/chainparams.cpp' }],
});

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'registry-store-'));
  file = path.join(dir, 'nested', 'coins.user.json');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('user coin store', () => {
  it('reads a missing file as no coins', () => {
    expect(readUserCoins(file)).toEqual([]);
  });

  it('adds, reads back and removes a coin', async () => {
    const stored = await addUserCoin(file, coin(' abc '), shipped);
    // Normalized on the way in: tag upper-cased, URL without its trailing slash, decimals defaulted.
    expect(stored.tag).toBe('ABC');
    expect(stored.source).toEqual({ kind: 'bitcoin-rpc', url: 'http://127.0.0.1:8766', authEnv: 'COIN_RPC_AUTH', decimals: 8 });
    expect(readUserCoins(file)).toEqual([stored]);
    // The file is the registry's own shape, so a hand edit gets the same line-numbered errors.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ coins: [stored] });

    expect(await removeUserCoin(file, 'abc')).toBe(1);
    expect(readUserCoins(file)).toEqual([]);
    expect(await removeUserCoin(file, 'abc')).toBe(0);
  });

  it('removes only the given algorithm when one is named', async () => {
    await addUserCoin(file, coin('XYZ', 'kawpow'));
    await addUserCoin(file, coin('XYZ', 'scrypt'));
    expect(await removeUserCoin(file, 'XYZ', 'scrypt')).toBe(1);
    expect(readUserCoins(file).map((c) => `${c.tag}/${c.algorithm}`)).toEqual(['XYZ/kawpow']);
  });

  it('refuses a coin already in the user file, naming the tag field', async () => {
    await addUserCoin(file, coin('ABC'));
    const error = await addUserCoin(file, coin('abc')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryFieldError);
    expect((error as RegistryFieldError).field).toBe('tag');
    expect((error as Error).message).toBe('tag: ABC on kawpow is already in your coins');
    expect(readUserCoins(file)).toHaveLength(1);
  });

  it('refuses a coin that the shipped registry already lists', async () => {
    const error = await addUserCoin(file, coin('RTM', 'ghostrider'), shipped).catch((e: unknown) => e);
    expect((error as Error).message).toBe('tag: RTM on ghostrider is already in the shipped registry');
    expect(readUserCoins(file)).toEqual([]);
  });

  it('names the field of an invalid entry', async () => {
    const error = await addUserCoin(file, { ...coin('ABC'), algorithm: 'nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryFieldError);
    expect((error as RegistryFieldError).field).toBe('algorithm');
  });

  it('leaves no temporary file behind', async () => {
    await addUserCoin(file, coin('ABC'));
    await addUserCoin(file, coin('DEF'));
    await removeUserCoin(file, 'ABC');
    expect(readdirSync(path.dirname(file))).toEqual(['coins.user.json']);
  });

  it('lands all of 20 concurrent adds', async () => {
    const tags = Array.from({ length: 20 }, (_, i) => `C${String(i).padStart(2, '0')}`);
    const results = await Promise.all(tags.map((tag) => addUserCoin(file, coin(tag))));
    expect(results.map((r) => r.tag)).toEqual(tags);
    expect(readUserCoins(file).map((c) => c.tag).sort()).toEqual(tags);
    expect(readdirSync(path.dirname(file))).toEqual(['coins.user.json']);
  });

  it('stops 100 concurrent adds at the cap of 50: the count is taken inside the one writer', async () => {
    const tags = Array.from({ length: 100 }, (_, i) => `K${String(i).padStart(3, '0')}`);
    const outcomes = await Promise.allSettled(tags.map((tag) => addUserCoin(file, coin(tag), [], { max: 50 })));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(50);
    const refusals = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refusals).toHaveLength(50);
    expect(refusals.every((r) => r.reason instanceof RegistryFieldError && /at most 50 added coins/.test(r.reason.message))).toBe(true);
    expect(readUserCoins(file)).toHaveLength(50);
  });

  it('refuses one of two concurrent adds of the same coin', async () => {
    const outcomes = await Promise.allSettled([addUserCoin(file, coin('ABC')), addUserCoin(file, coin('ABC'))]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect(readUserCoins(file)).toHaveLength(1);
  });

  it('reports a hand-edited user file with its line', async () => {
    await addUserCoin(file, coin('ABC'));
    writeFileSync(file, readFileSync(file, 'utf8').replace('"blockTimeSeconds": 60', '"blockTimeSeconds": "60"'));
    expect(() => readUserCoins(file)).toThrow(RegistryError);
    expect(() => readUserCoins(file)).toThrow(/^coins\.user\.json:7: coins\[0\]\.blockTimeSeconds: /);
    // A write on top of a broken file is refused rather than overwriting the user's edit.
    await expect(addUserCoin(file, coin('DEF'))).rejects.toThrow(/coins\.user\.json:7:/);
  });
});

describe('user pool sites (the same file, the same one writer)', () => {
  it('adds a site beside the coins, keeps both through coin changes, and removes it by its source id', async () => {
    const abc = await addUserCoin(file, coin('ABC'));
    const site = await addUserPoolSite(file, { kind: 'miningcore', url: 'https://pool.example/' });
    expect(site).toEqual({ kind: 'miningcore', url: 'https://pool.example' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ coins: [abc], poolSites: [site] });
    // A coin added or removed afterwards leaves the site where it was.
    await addUserCoin(file, coin('DEF'));
    await removeUserCoin(file, 'ABC');
    expect(readUserPoolSites(file)).toEqual([site]);
    expect(await removeUserPoolSite(file, 'pool:miningcore:pool.example')).toBe(1);
    expect(readUserPoolSites(file)).toEqual([]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ coins: [readUserCoins(file)[0]] });
  });

  it('refuses a duplicate, a site the registry already reads, credentials in the URL, and more than the cap', async () => {
    await addUserPoolSite(file, { kind: 'nomp', url: 'https://a.example' });
    const refusal = (input: unknown, taken = new Set<string>(), max?: number) =>
      addUserPoolSite(file, input, taken, max === undefined ? {} : { max }).then(
        () => null,
        (error: RegistryFieldError) => `${error.field}: ${error.message}`,
      );
    // The message carries its field first, as a coin's does (the action strips it).
    expect(await refusal({ kind: 'nomp', url: 'https://a.example/' })).toBe('url: url: this pool site is already added');
    expect(await refusal({ kind: 'miningcore', url: 'https://b.example' }, new Set(['pool:miningcore:b.example']))).toMatch(/^url: .*shipped registry already reads/);
    expect(await refusal({ kind: 'miningcore', url: 'https://u:p@b.example' })).toMatch(/^url: .*user name or password/);
    expect(await refusal({ kind: 'mpos', url: 'https://b.example' })).toMatch(/^kind: /);
    expect(await refusal({ kind: 'miningcore', url: 'https://c.example' }, new Set(), 1)).toMatch(/at most 1 added pool sites/);
    expect(readUserPoolSites(file)).toHaveLength(1);
  });

  it('lets concurrent adds past the cap by none: exactly max land', async () => {
    const sites = Array.from({ length: 6 }, (_, i) => ({ kind: 'miningcore', url: `https://p${i}.example` }));
    const results = await Promise.allSettled(sites.map((site) => addUserPoolSite(file, site, new Set(), { max: 4 })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
    expect(readUserPoolSites(file)).toHaveLength(4);
  });
});
