// Credentials only where the operator put them (issue 15): a `*_RPC_AUTH` secret reaches a node
// listed in the registry file, never a coin added on the page, even one naming the same variable.
// Both "nodes" are one recorder on 127.0.0.1 (allowed here as an operator's own network would be).
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegistryFetchers } from '@/lib/registry/fetchers';
import { registryEntrySchema, type RegistryEntry } from '@/lib/registry/schema';
import { allCoins } from '@/lib/server/services';
import { listenOnLoopback } from '../../support/listen';

/** Authorization headers seen, by request path. */
const seen: Array<{ path: string; authorization: string | null }> = [];
const node = http.createServer((req, res) => {
  seen.push({ path: req.url ?? '', authorization: req.headers.authorization ?? null });
  // getmininginfo as bitcoind answers it (tests/fixtures: documented shape), for either caller.
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ result: { blocks: 100, difficulty: 2, networkhashps: 3 }, error: null, id: 1 }));
});
let base = '';
beforeAll(async () => {
  base = `http://127.0.0.1:${await listenOnLoopback(node, 0)}`;
});
afterAll(() => node.close());

const coin = (tag: string, path: string): RegistryEntry =>
  registryEntrySchema.parse({
    tag,
    name: tag,
    algorithm: 'scrypt',
    blockTimeSeconds: 60,
    source: { kind: 'bitcoin-rpc', url: `${base}${path}`, authEnv: 'NODE_RPC_AUTH' },
    price: null,
    sources: [{ fact: 'test', url: 'https://example.org' }],
  });

describe('credentials', () => {
  it('go to the registry file’s node and never to a page-added coin naming the same variable', async () => {
    const fetchers = buildRegistryFetchers(allCoins({ shipped: [coin('OPR', '/operator')], user: [coin('VIS', '/visitor')] }), {
      timeoutMs: 2000,
      allowPrivate: true,
      env: { NODE_RPC_AUTH: 'rpcuser:secret' },
    });
    await Promise.allSettled(fetchers.map((fetcher) => fetcher.fetch()));
    const operator = seen.filter((s) => s.path.startsWith('/operator'));
    const visitor = seen.filter((s) => s.path.startsWith('/visitor'));
    expect(operator.length).toBeGreaterThan(0);
    expect(visitor.length).toBeGreaterThan(0);
    // Basic base64("rpcuser:secret")
    expect(operator.every((s) => s.authorization === `Basic ${Buffer.from('rpcuser:secret').toString('base64')}`)).toBe(true);
    expect(visitor.every((s) => s.authorization === null)).toBe(true);
  });
});
