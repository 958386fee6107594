// lib/sources/chain/request.ts over real HTTP: the timeout, the size cap, no redirects, Basic
// auth, the SSRF guard before any byte is sent, and messages free of queries and credentials.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AddressRefusedError } from '@/lib/infra/net-guard';
import { UpstreamError } from '@/lib/sources/http';
import { getJson, getText, MAX_RESPONSE_BYTES, postJson } from '@/lib/sources/chain/request';
import { startBitcoinNodeStandin, startRouteStandin, type Standin } from '@/tests/support/chain-standins';

const opts = { timeoutMs: 2000, allowPrivate: true, source: 'test' } as const;

async function failure(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error('expected the request to fail');
  return outcome;
}

let routes: Standin;
let target: Standin;

beforeAll(async () => {
  target = await startRouteStandin({ routes: { '/elsewhere': { body: '{"followed":true}' } } });
  // /redirect points at the other stand-in, so a followed redirect would show in its counter.
  routes = await startRouteStandin({
    routes: {
      '/ok': { body: '{"difficulty":"1.5"}' },
      '/text': { body: ' 12345.6789\n', contentType: 'text/plain' },
      '/500': { status: 500, body: '{"error":"boom"}' },
      '/503': { status: 503, body: 'busy', headers: { 'retry-after': '30' } },
      '/html': { body: '<!DOCTYPE html><html><body>Error</body></html>', contentType: 'text/html' },
      '/redirect': { status: 302, body: '', headers: { location: `${target.url}/elsewhere` } },
      '/moved': { status: 301, body: '', headers: { location: '/ok' } },
      '/slow': { body: '{}', delayMs: 5000 },
      '/big': { body: `"${'x'.repeat(MAX_RESPONSE_BYTES)}"` },
    },
  });
});

afterAll(async () => {
  await Promise.all([routes.close(), target.close()]);
});

describe('getJson / getText / postJson', () => {
  it('returns the parsed body, or the text as sent', async () => {
    await expect(getJson(`${routes.url}/ok`, opts)).resolves.toEqual({ difficulty: '1.5' });
    await expect(getText(`${routes.url}/text`, opts)).resolves.toBe(' 12345.6789\n');
    // The route stand-in answers any method.
    await expect(postJson(`${routes.url}/ok`, { method: 'x' }, opts)).resolves.toEqual({ difficulty: '1.5' });
  });

  it('turns an error status into UpstreamError with the status and Retry-After', async () => {
    const error = await failure(getJson(`${routes.url}/500`, opts));
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.message).toBe('test: HTTP 500');
    expect((error as UpstreamError).status).toBe(500);
    const busy = (await failure(getText(`${routes.url}/503`, opts))) as UpstreamError;
    expect(busy.retryAfterSeconds).toBe(30);
    // An accepted JSON-RPC error status whose body is not JSON (here the stand-in's HTML 404) is still an HTTP error.
    const html = await failure(postJson(`${routes.url}/500-missing`, {}, { ...opts, acceptStatus: [404] }));
    expect(html.message).toBe('test: HTTP 404');
  });

  it('accepts listed error statuses when they carry JSON (JSON-RPC errors)', async () => {
    await expect(postJson(`${routes.url}/500`, {}, { ...opts, acceptStatus: [500] })).resolves.toEqual({ error: 'boom' });
  });

  it('refuses redirects instead of following them', async () => {
    const error = (await failure(getJson(`${routes.url}/redirect`, opts))) as UpstreamError;
    expect(error.message).toBe('test: HTTP 302 (redirects are not followed)');
    expect(error.status).toBe(302);
    expect((await failure(getJson(`${routes.url}/moved`, opts))).message).toBe('test: HTTP 301 (redirects are not followed)');
    expect(target.requests()).toBe(0);
  });

  it('reports HTML where JSON was expected as malformed', async () => {
    const error = (await failure(getJson(`${routes.url}/html`, opts))) as UpstreamError;
    expect(error.message).toBe('test: malformed JSON');
    expect(error.kind).toBe('malformed');
  });

  it('times out a stalled answer within the budget', async () => {
    const started = Date.now();
    const error = (await failure(getJson(`${routes.url}/slow`, { ...opts, timeoutMs: 150 }))) as UpstreamError;
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('test: timed out after 150 ms');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('refuses an answer over the size cap (declared length)', async () => {
    const error = (await failure(getJson(`${routes.url}/big`, opts))) as UpstreamError;
    expect(error.message).toBe(`test: response larger than ${MAX_RESPONSE_BYTES} bytes`);
    expect(error.kind).toBe('malformed');
  });

  it('refuses a streamed answer (no Content-Length) once it passes the cap', async () => {
    let wrote = 0;
    const server: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => {
        wrote += 1000;
        res.write('x'.repeat(1000));
        if (wrote >= 50_000) {
          clearInterval(timer);
          res.end();
        }
      }, 1);
      res.on('close', () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const error = await failure(getText(`http://127.0.0.1:${port}/`, { ...opts, maxBytes: 5000 }));
      expect(error.message).toBe('test: response larger than 5000 bytes');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('reports a closed port as a network error', async () => {
    const closed = await startRouteStandin({ routes: {} });
    const url = `${closed.url}/x`;
    await closed.close();
    const error = (await failure(getJson(url, opts))) as UpstreamError;
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/^test: network error \(.*ECONNREFUSED/);
  });

  it('allows only http and https', async () => {
    expect((await failure(getJson('file:///etc/passwd', opts))).message).toBe('test: only http:// and https:// URLs are allowed');
    expect((await failure(getJson('not a url', opts))).message).toBe('test: not a valid URL');
  });

  it('never puts the query or credentials in a message', async () => {
    const error = await failure(getJson(`http://user:hunter2@127.0.0.1:${routes.port}/500?apikey=SECRET123`, opts));
    expect(error.message).toBe('test: HTTP 500');
    const timeout = await failure(getJson(`${routes.url}/slow?apikey=SECRET123`, { ...opts, timeoutMs: 50 }));
    expect(timeout.message).not.toContain('SECRET123');
  });
});

describe('Basic auth', () => {
  it('sends user:password and gets the node’s 401 when it is wrong', async () => {
    const node = await startBitcoinNodeStandin({ auth: 'minerank:standin' });
    try {
      const body = { jsonrpc: '1.0', id: 't', method: 'getmininginfo', params: [] };
      const answer = (await postJson(node.url, body, { ...opts, auth: 'minerank:standin' })) as { result: { blocks: number } };
      expect(answer.result.blocks).toBe(987654);
      const wrong = (await failure(postJson(node.url, body, { ...opts, auth: 'minerank:wrong' }))) as UpstreamError;
      expect(wrong.status).toBe(401);
      expect(wrong.message).toBe('test: HTTP 401');
      expect(wrong.message).not.toContain('wrong');
      expect((await failure(postJson(node.url, body, opts))).message).toBe('test: HTTP 401');
      expect(node.requests()).toBe(3);
    } finally {
      await node.close();
    }
  });
});

describe('the SSRF guard in the request path', () => {
  it.each(['127.0.0.1', 'localhost', '[::ffff:127.0.0.1]'])(
    'refuses %s before any byte reaches the stand-in, and connects with allowPrivate',
    async (host) => {
      const standin = await startRouteStandin({ routes: { '/ok': { body: '{"ok":1}' } } });
      try {
        const error = await failure(getJson(`http://${host}:${standin.port}/ok`, { ...opts, allowPrivate: false }));
        expect(error).toBeInstanceOf(AddressRefusedError);
        expect(error.message).toMatch(/^refused: .*loopback address; set ALLOW_PRIVATE_SOURCES=1 to allow$/);
        expect(standin.connections()).toBe(0);
        expect(standin.requests()).toBe(0);
        await expect(getJson(`http://127.0.0.1:${standin.port}/ok`, opts)).resolves.toEqual({ ok: 1 });
        expect(standin.requests()).toBe(1);
      } finally {
        await standin.close();
      }
    },
  );
});
