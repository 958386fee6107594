// Coins added on one instance reach every instance: two "instances" (each its own file and Redis
// connection) on one real redis-server (scripts/with-redis.sh sets REDIS_URL).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSharedRedis, type SharedRedis } from '@/lib/infra/redis';
import type { RegistryEntry, RegistryEntryInput } from '@/lib/registry/schema';
import { createSharedUserCoins, createUserCoinsSync } from '@/lib/registry/shared';
import { addUserCoin, readUserCoins, removeUserCoin } from '@/lib/registry/store';

const REDIS_URL = process.env.REDIS_URL;

const coin = (tag: string): RegistryEntryInput => ({
  tag,
  name: `Coin ${tag}`,
  algorithm: 'kawpow',
  blockTimeSeconds: 60,
  source: { kind: 'bitcoin-rpc', url: 'http://127.0.0.1:8766/', authEnv: 'COIN_RPC_AUTH' },
  price: null,
  sources: [{ fact: 'block time 60 s', url: 'https://example.org/chainparams.cpp' }],
});

let dir: string;
const clients: SharedRedis[] = [];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'registry-shared-'));
});
afterEach(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

async function instance(name: string, prefix: string) {
  const redis = createSharedRedis(REDIS_URL ?? '', { name });
  clients.push(redis);
  for (let i = 0; i < 100 && !redis.ready(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  const file = path.join(dir, name, 'coins.user.json');
  let coins: RegistryEntry[] = [];
  const sync = createUserCoinsSync({
    file,
    shared: createSharedUserCoins(redis, prefix),
    current: () => readUserCoins(file),
    onPulled: (pulled) => {
      coins = pulled;
    },
  });
  return { redis, file, sync, tags: () => readUserCoins(file).map((c) => c.tag).sort(), pulled: () => coins.map((c) => c.tag).sort() };
}

describe.skipIf(!REDIS_URL)(
  REDIS_URL ? 'added coins shared through Redis' : 'added coins shared through Redis (SKIPPED: REDIS_URL unset; run under bash scripts/with-redis.sh)',
  () => {
    it('a coin added on one instance is listed by the other at its next check; a removal too', async () => {
      const prefix = `test:${randomUUID()}:`;
      const [a, b] = [await instance('a', prefix), await instance('b', prefix)];
      await a.sync.change(() => addUserCoin(a.file, coin('AAA')));
      await b.sync.sync(true);
      expect(b.tags()).toEqual(['AAA']);
      expect(b.pulled()).toEqual(['AAA']);

      await b.sync.change(() => removeUserCoin(b.file, 'AAA'));
      await a.sync.sync(true);
      expect(a.tags()).toEqual([]);
    });

    it('two instances adding at once both land: the one that published second re-reads and retries', async () => {
      const prefix = `test:${randomUUID()}:`;
      const [a, b] = [await instance('a', prefix), await instance('b', prefix)];
      await Promise.all([
        a.sync.change(() => addUserCoin(a.file, coin('AAA'))),
        b.sync.change(() => addUserCoin(b.file, coin('BBB'))),
      ]);
      await Promise.all([a.sync.sync(true), b.sync.sync(true)]);
      expect(a.tags()).toEqual(['AAA', 'BBB']);
      expect(b.tags()).toEqual(['AAA', 'BBB']);
      expect(await a.redis.client.get(`${prefix}registry:user:version`)).toBe('2');
    });

    it('the same coin added on both at once is stored once; the second add is refused as a duplicate', async () => {
      const prefix = `test:${randomUUID()}:`;
      const [a, b] = [await instance('a', prefix), await instance('b', prefix)];
      const results = await Promise.allSettled([
        a.sync.change(() => addUserCoin(a.file, coin('DUP'))),
        b.sync.change(() => addUserCoin(b.file, coin('DUP'))),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      await Promise.all([a.sync.sync(true), b.sync.sync(true)]);
      expect(a.tags()).toEqual(['DUP']);
      expect(b.tags()).toEqual(['DUP']);
    });

    it('after Redis lost the list (restarted empty), an instance that has coins offers them back', async () => {
      const prefix = `test:${randomUUID()}:`;
      const [a, b] = [await instance('a', prefix), await instance('b', prefix)];
      await a.sync.change(() => addUserCoin(a.file, coin('KEEP')));
      await a.redis.client.del(`${prefix}registry:user`, `${prefix}registry:user:version`);
      await a.sync.sync(true); // sees nothing published; offers its own
      await b.sync.sync(true);
      expect(b.tags()).toEqual(['KEEP']);
    });

    it('an unreadable published list is logged and never replaces the local copy', async () => {
      const prefix = `test:${randomUUID()}:`;
      const a = await instance('a', prefix);
      await a.sync.change(() => addUserCoin(a.file, coin('GOOD')));
      const before = readFileSync(a.file, 'utf8');
      await a.redis.client.set(`${prefix}registry:user`, '{"coins":[{"tag":"<b>"}]}');
      await a.redis.client.incr(`${prefix}registry:user:version`);
      await a.sync.sync(true);
      expect(readFileSync(a.file, 'utf8')).toBe(before);
      expect(a.tags()).toEqual(['GOOD']);
    });
  },
);
