// One Redis connection per process (ioredis), for the shared snapshot, its refresh lock and the
// rate-limit counters when REDIS_URL is set. Commands fail fast while Redis is away (no offline
// queue, a short command timeout) so callers fall back to their own memory at once; the client
// keeps reconnecting in the background. The outage is logged once, and so is the return.
import { Redis } from 'ioredis';
import { createOutageLog } from './outage';

export type SharedRedis = {
  client: Redis;
  /** True while the connection is up and ready for commands. */
  ready(): boolean;
  /**
   * Settles once the first connection is ready or has failed, or after `firstConnectMs`: callers
   * wait for it once at start-up, so a new instance's first requests use the shared state rather
   * than refreshing on their own, and never wait on it again.
   */
  firstConnect: Promise<void>;
  close(): Promise<void>;
};

export type RedisOptions = {
  /** Per-command limit: a Redis that hangs must not hold up a page for longer (default 500 ms). */
  commandTimeoutMs?: number;
  /** Logged with the outage/return lines (default "redis"). */
  name?: string;
  /** How long start-up waits for the first connection before going on without (default 2 s). */
  firstConnectMs?: number;
};

/** Reconnect delays: 100 ms, 200 ms, … capped at 2 s, forever (the service is expected back). */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(attempt * 100, 2000);
}

/** Redacts a password in a redis:// URL for logs. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis://(unparseable)';
  }
}

export function createSharedRedis(url: string, options: RedisOptions = {}): SharedRedis {
  const name = options.name ?? 'redis';
  const client = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 500,
    connectTimeout: 2000,
    retryStrategy: reconnectDelayMs,
    enableAutoPipelining: true,
  });
  let wasReady = false;
  const outage = createOutageLog('redis', { name, url: redactRedisUrl(url) });
  const firstConnect = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, options.firstConnectMs ?? 2000);
    timer.unref();
    const settle = () => {
      clearTimeout(timer);
      resolve();
    };
    client.once('ready', settle);
    client.once('error', settle); // refused or unreachable: no point waiting out the timer
  });
  const markDown = (reason: string) => outage.failed(reason, { fallback: 'in-process memory' });
  client.on('ready', () => {
    outage.succeeded();
    wasReady = true;
  });
  client.on('error', (error: Error) => markDown(error.message));
  client.on('close', () => {
    if (wasReady) markDown('connection closed');
  });
  return {
    client,
    ready: () => client.status === 'ready',
    firstConnect,
    close: async () => {
      client.removeAllListeners('error');
      client.removeAllListeners('close');
      client.on('error', () => undefined);
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}
