// Real local HTTP servers on 127.0.0.1 that speak a coin node's JSON-RPC: a bitcoind stand-in
// (getmininginfo, getblockchaininfo, getblocktemplate, Basic auth like bitcoind) answering with the
// documented-shape fixtures, a monerod stand-in serving the recorded get_info and
// get_last_block_header, and a plain route server for explorer and pool APIs.
// Started for Playwright by tests/support/chain-standins-cli.ts.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import { listenOnLoopback } from './listen';

// tsx, vitest and Playwright all load this file as CommonJS or provide __dirname.
const FIXTURES = path.resolve(__dirname, '../fixtures/chain');

export function readChainFixture(file: string): string {
  return readFileSync(path.join(FIXTURES, file), 'utf8');
}

export type Standin = {
  url: string;
  port: number;
  /** HTTP requests received since start, readiness probes included. */
  requests(): number;
  /** TCP connections accepted since start: 0 proves no byte reached the server. */
  connections(): number;
  close(): Promise<void>;
};

async function listen(handler: RequestListener, port: number): Promise<Standin> {
  let requests = 0;
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    requests += 1;
    handler(req, res);
  });
  server.on('connection', (socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const actualPort = await listenOnLoopback(server, port);
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    requests: () => requests,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Stalled (slow-route) and keep-alive connections would otherwise hold close() open.
        for (const socket of sockets) socket.destroy();
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
}

function readyProbe(req: IncomingMessage, res: ServerResponse, name: string): boolean {
  if (req.method === 'GET' && (req.url === '/' || req.url === '')) {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`${name} stand-in\n`);
    return true;
  }
  return false;
}

// ---- bitcoind ----

export type BitcoinStandinStats = {
  blocks: number;
  difficulty: number | { 'proof-of-work': number; 'proof-of-stake': number };
  networkhashps: number;
  /** Satoshis; null makes getblocktemplate answer bitcoind's initial-sync error (-10). */
  coinbasevalue: number | null;
  time: number;
  mediantime: number;
};

type RpcEnvelope = { result: Record<string, unknown> | null; error: unknown; id: unknown };

const envelope = (file: string): RpcEnvelope => JSON.parse(readChainFixture(file)) as RpcEnvelope;

/** Which getblocktemplate answer the stand-in gives: plain bitcoind, or Dash-style with masternode and superblock payees. */
export type BitcoinStandinFlavour = 'bitcoind' | 'dashd';

const TEMPLATE_FILES: Record<BitcoinStandinFlavour, string> = {
  bitcoind: 'bitcoind-getblocktemplate-documented-shape.json',
  dashd: 'dashd-getblocktemplate-documented-shape.json',
};

export function startBitcoinNodeStandin({
  port = 0,
  auth,
  stats = {},
  flavour = 'bitcoind',
}: { port?: number; auth?: string; stats?: Partial<BitcoinStandinStats>; flavour?: BitcoinStandinFlavour } = {}): Promise<Standin> {
  const miningInfo = envelope('bitcoind-getmininginfo-documented-shape.json').result ?? {};
  const chainInfo = envelope('bitcoind-getblockchaininfo-documented-shape.json').result ?? {};
  const template = envelope(TEMPLATE_FILES[flavour]).result ?? {};
  const syncError = envelope('bitcoind-getblocktemplate-initial-sync-error-documented-shape.json').error;
  const pick = <K extends keyof BitcoinStandinStats>(key: K, fallback: unknown): unknown =>
    stats[key] !== undefined ? stats[key] : fallback;

  const results: Record<string, () => { result: unknown; error: unknown }> = {
    getmininginfo: () => ({
      result: {
        ...miningInfo,
        blocks: pick('blocks', miningInfo.blocks),
        difficulty: pick('difficulty', miningInfo.difficulty),
        networkhashps: pick('networkhashps', miningInfo.networkhashps),
      },
      error: null,
    }),
    getblockchaininfo: () => ({
      result: {
        ...chainInfo,
        blocks: pick('blocks', chainInfo.blocks),
        headers: pick('blocks', chainInfo.headers),
        difficulty: pick('difficulty', chainInfo.difficulty),
        time: pick('time', chainInfo.time),
        mediantime: pick('mediantime', chainInfo.mediantime),
      },
      error: null,
    }),
    getblocktemplate: () =>
      stats.coinbasevalue === null
        ? { result: null, error: syncError }
        : { result: { ...template, coinbasevalue: pick('coinbasevalue', template.coinbasevalue) }, error: null },
  };
  const expected = auth === undefined ? undefined : `Basic ${Buffer.from(auth, 'utf8').toString('base64')}`;

  return listen((req, res) => {
    if (readyProbe(req, res, 'bitcoind')) return;
    // bitcoind checks credentials before anything else and answers 401 with an empty body.
    if (expected !== undefined && req.headers.authorization !== expected) {
      send(res, 401, '', { 'www-authenticate': 'Basic realm="jsonrpc"' });
      return;
    }
    if (req.method !== 'POST') {
      send(res, 405, 'JSONRPC server handles only POST requests', { 'content-type': 'text/plain' });
      return;
    }
    readBody(req)
      .then((text) => {
        let call: { method?: unknown; id?: unknown };
        try {
          call = JSON.parse(text) as { method?: unknown; id?: unknown };
        } catch {
          send(res, 500, JSON.stringify({ result: null, error: { code: -32700, message: 'Parse error' }, id: null }));
          return;
        }
        const id = call.id ?? null;
        const answer = typeof call.method === 'string' && Object.hasOwn(results, call.method) ? results[call.method]?.() : undefined;
        if (!answer) {
          send(res, 404, JSON.stringify({ result: null, error: { code: -32601, message: 'Method not found' }, id }));
          return;
        }
        // Legacy JSON-RPC 1.0: bitcoind answers an RPC error with HTTP 500 and the error object.
        send(res, answer.error === null ? 200 : 500, JSON.stringify({ result: answer.result, error: answer.error, id }));
      })
      .catch(() => send(res, 500, ''));
  }, port);
}

// ---- monerod ----

export const MONERO_RECORDINGS = {
  get_info: 'monerod-json_rpc-get_info-2021-02-03.json',
  get_last_block_header: 'monerod-json_rpc-get_last_block_header-2021-02-01.json',
} as const;

export type MoneroMethod = keyof typeof MONERO_RECORDINGS;

/** Serves the recorded bodies byte for byte; `bodies` replaces one (a test's own variant). */
export function startMoneroDaemonStandin({
  port = 0,
  bodies = {},
}: { port?: number; bodies?: Partial<Record<MoneroMethod, string>> } = {}): Promise<Standin> {
  const recorded: Record<MoneroMethod, string> = {
    get_info: bodies.get_info ?? readChainFixture(MONERO_RECORDINGS.get_info),
    get_last_block_header: bodies.get_last_block_header ?? readChainFixture(MONERO_RECORDINGS.get_last_block_header),
  };
  return listen((req, res) => {
    if (readyProbe(req, res, 'monerod')) return;
    if (req.method !== 'POST' || req.url !== '/json_rpc') {
      send(res, 404, '');
      return;
    }
    readBody(req)
      .then((text) => {
        let call: { method?: unknown; id?: unknown };
        try {
          call = JSON.parse(text) as { method?: unknown; id?: unknown };
        } catch {
          send(res, 200, JSON.stringify({ error: { code: -32700, message: 'Parse error' }, id: 0, jsonrpc: '2.0' }));
          return;
        }
        if (typeof call.method === 'string' && Object.hasOwn(recorded, call.method)) {
          send(res, 200, recorded[call.method as MoneroMethod]);
          return;
        }
        send(res, 200, JSON.stringify({ error: { code: -32601, message: 'Method not found' }, id: call.id ?? 0, jsonrpc: '2.0' }));
      })
      .catch(() => send(res, 500, ''));
  }, port);
}

// ---- explorers and pools: fixed answers per path ----

export type StandinRoute = {
  body: string;
  status?: number;
  contentType?: string;
  headers?: Record<string, string>;
  /** Answer after this long (a stalled upstream); the client's timeout should fire first. */
  delayMs?: number;
};

/** Answers GET `path` with its route; anything else is 404. */
export function startRouteStandin({ port = 0, routes }: { port?: number; routes: Record<string, StandinRoute> }): Promise<Standin> {
  const timers = new Set<NodeJS.Timeout>();
  return listen((req, res) => {
    if (readyProbe(req, res, 'route')) return;
    const pathname = new URL(req.url ?? '/', 'http://standin.local').pathname;
    const route = Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
    if (!route) {
      send(res, 404, '<html><body>Not Found</body></html>', { 'content-type': 'text/html' });
      return;
    }
    const answer = () =>
      send(res, route.status ?? 200, route.body, { 'content-type': route.contentType ?? 'application/json', ...route.headers });
    if (route.delayMs === undefined) {
      answer();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      answer();
    }, route.delayMs);
    timers.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  }, port);
}

/** The YIIMP recording without its browser-viewer header (leading `//` lines), as the pool served it. */
export function yiimpCurrenciesBody(): string {
  return readChainFixture('yiimp-raptorhash-api_currencies-2025-02-14.jsonc')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .trim();
}
