// @ts-check
// Next.js's own server cache (`cacheHandler` in next.config.ts) in Redis, so every `next start`
// instance behind the load balancer shares prerendered/ISR pages, route-handler responses and the
// fetch cache, and a tag revalidated on one instance is seen by all. Only configured when REDIS_URL
// is set at `next start`. Plain CommonJS because Next loads it with a native import(), uncompiled.
//
// Layout in Redis:
//   `${REDIS_PREFIX}next:${buildId}:${key}`  one JSON entry { lastModified, value, cacheControl, tags }
//                                              (Buffers and Maps tagged so they round-trip exactly),
//                                              with an expiry from its lifetime (at most 30 days)
//   `${REDIS_PREFIX}next:tags`               hash: tag → epoch ms of its last revalidation
// The build id keeps two builds of a rolling deploy from reading each other's entries.
//
// Redis away must never break a page: commands fail fast (no offline queue, 500 ms timeout), `get`
// is then a miss (Next renders) and `set`/`revalidateTag` do nothing. The client keeps reconnecting
// in the background (backoff capped at 2 s); the outage and the return are each logged once.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: Next import()s it uncompiled */

const fs = require('node:fs');
const path = require('node:path');
const { Redis } = require('ioredis');

/**
 * @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerContext} CacheHandlerContext
 * @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerValue} CacheHandlerValue
 * @typedef {import('next/dist/server/lib/incremental-cache').CacheHandler} NextCacheHandler
 * @typedef {import('next/dist/server/response-cache').IncrementalCacheValue} IncrementalCacheValue
 * @typedef {import('next/dist/server/lib/cache-control').CacheControl} CacheControl
 * @typedef {Parameters<NextCacheHandler['get']>[1]} GetContext
 * @typedef {Parameters<NextCacheHandler['set']>[2]} SetContext
 */

/**
 * What one Redis entry holds.
 * @typedef {object} StoredEntry
 * @property {number} lastModified epoch ms of the `set`
 * @property {IncrementalCacheValue} value
 * @property {CacheControl} [cacheControl]
 * @property {string[]} [tags] explicit tags of a fetch entry (pages carry theirs in a header)
 */

/**
 * Settings a subclass made by `configure` can fix (tests); each defaults to the environment.
 * @typedef {object} HandlerOptions
 * @property {string} [redisUrl] default process.env.REDIS_URL
 * @property {string} [prefix] default process.env.REDIS_PREFIX, else "minerank:"
 * @property {string | null} [buildId] default read from `${serverDistDir}/../BUILD_ID`; null: none
 * @property {string} [clientId] a separate connection per id (tests that play two processes)
 * @property {number} [commandTimeoutMs] default 500
 */

/**
 * @typedef {object} SharedClient
 * @property {Redis} client
 * @property {boolean} down the outage has been logged and the return has not
 * @property {boolean} wasReady
 * @property {boolean} closing
 * @property {string} url redacted, for logs
 */

const NEXT_CACHE_TAGS_HEADER = 'x-next-cache-tags';
/** Entries without a lifetime are kept this long at most (and nothing longer). */
const MAX_TTL_SECONDS = 30 * 24 * 60 * 60;
/** Property naming the type of a tagged value in the stored JSON. */
const TYPE_TAG = '__nextCacheType';

/** One JSON line on stderr, in lib/log.ts's format (a .cjs file can't import that TS module). */
function log(/** @type {'info' | 'warn' | 'error'} */ level, /** @type {string} */ event, /** @type {Record<string, unknown>} */ fields = {}) {
  console.error(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));
}

/** @param {string} url */
function redactUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis://(unparseable)';
  }
}

/** Reconnect delays: 100 ms, 200 ms, … capped at 2 s, forever. */
function reconnectDelayMs(/** @type {number} */ attempt) {
  return Math.min(attempt * 100, 2000);
}

/** @type {Map<string, SharedClient>} one connection per URL (and test client id) in this process */
const clients = new Map();

/**
 * @param {SharedClient} shared
 * @param {string} reason
 */
function markDown(shared, reason) {
  if (shared.down || shared.closing) return;
  shared.down = true;
  log('warn', 'next_cache_redis_unavailable', { url: shared.url, error: reason, fallback: 'render without the shared cache' });
}

/** A command went through: if an outage was logged, log the return. */
function markUp(/** @type {SharedClient} */ shared) {
  if (!shared.down || shared.closing) return;
  shared.down = false;
  log('info', 'next_cache_redis_rejoined', { url: shared.url });
}

/**
 * @param {string} url
 * @param {string} clientId
 * @param {number} commandTimeoutMs
 * @returns {SharedClient}
 */
function sharedClient(url, clientId, commandTimeoutMs) {
  const registryKey = `${clientId}\n${url}`;
  const existing = clients.get(registryKey);
  if (existing) return existing;
  const client = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
    connectTimeout: 2000,
    retryStrategy: reconnectDelayMs,
  });
  /** @type {SharedClient} */
  const shared = { client, down: false, wasReady: false, closing: false, url: redactUrl(url) };
  client.on('ready', () => {
    shared.wasReady = true;
    markUp(shared);
  });
  client.on('error', (/** @type {Error} */ error) => markDown(shared, error.message));
  client.on('close', () => {
    if (shared.wasReady) markDown(shared, 'connection closed');
  });
  clients.set(registryKey, shared);
  return shared;
}

/** @type {Map<string, string | null>} serverDistDir → build id (the handler is built per request) */
const buildIds = new Map();

/** @param {string | undefined} serverDistDir */
function readBuildId(serverDistDir) {
  if (!serverDistDir) return null;
  const known = buildIds.get(serverDistDir);
  if (known !== undefined) return known;
  let buildId = null;
  try {
    buildId = fs.readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim() || null;
  } catch {
    buildId = null;
  }
  buildIds.set(serverDistDir, buildId);
  return buildId;
}

/**
 * JSON.stringify replacer: Buffers (and other byte arrays) as base64 and Maps as entry lists, each
 * tagged so `revive` restores the same type. `this[key]` is the value before Buffer#toJSON ran.
 * @this {Record<string, unknown>}
 * @param {string} key
 * @param {unknown} value
 */
function replace(key, value) {
  const original = this[key];
  if (Buffer.isBuffer(original)) return { [TYPE_TAG]: 'Buffer', base64: original.toString('base64') };
  if (original instanceof Uint8Array) {
    const bytes = Buffer.from(original.buffer, original.byteOffset, original.byteLength);
    return { [TYPE_TAG]: 'Uint8Array', base64: bytes.toString('base64') };
  }
  if (original instanceof Map) return { [TYPE_TAG]: 'Map', entries: [...original.entries()] };
  return value;
}

/**
 * JSON.parse reviver, the inverse of `replace` (runs inside out, so Map values are revived first).
 * @param {string} _key
 * @param {unknown} value
 */
function revive(_key, value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const tagged = /** @type {Record<string, unknown>} */ (value);
  switch (tagged[TYPE_TAG]) {
    case 'Buffer':
      return Buffer.from(String(tagged.base64), 'base64');
    case 'Uint8Array':
      return new Uint8Array(Buffer.from(String(tagged.base64), 'base64'));
    case 'Map':
      return new Map(/** @type {Array<[unknown, unknown]>} */ (tagged.entries));
    default:
      return value;
  }
}

/** @param {unknown} value */
function serialize(value) {
  return JSON.stringify(value, replace);
}

/** @param {string} text */
function deserialize(text) {
  return JSON.parse(text, revive);
}

/**
 * Seconds to keep an entry: its `expire` if it has one (past it Next would re-render blocking
 * anyway), else twice its `revalidate` (at least a minute, so a stale entry can still be served
 * while it is regenerated), else the cap.
 * @param {IncrementalCacheValue} value
 * @param {CacheControl | undefined} cacheControl
 */
function ttlSeconds(value, cacheControl) {
  const expire = cacheControl?.expire;
  const revalidate = value.kind === 'FETCH' ? value.revalidate : cacheControl?.revalidate;
  let ttl = MAX_TTL_SECONDS;
  if (typeof expire === 'number' && expire > 0) ttl = expire;
  else if (typeof revalidate === 'number' && revalidate >= 0) ttl = Math.max(revalidate * 2, 60);
  return Math.max(1, Math.min(Math.ceil(ttl), MAX_TTL_SECONDS));
}

/**
 * Every tag an entry answers to: the x-next-cache-tags header of a page/route (explicit and
 * implicit `_N_T_/…` tags), a fetch's stored tags, and the tags and soft tags of this lookup.
 * @param {StoredEntry} entry
 * @param {GetContext} ctx
 */
function entryTags(entry, ctx) {
  /** @type {Set<string>} */
  const tags = new Set();
  const add = (/** @type {unknown} */ list) => {
    if (!Array.isArray(list)) return;
    for (const tag of list) if (typeof tag === 'string' && tag) tags.add(tag);
  };
  const value = entry.value;
  if (value && (value.kind === 'APP_PAGE' || value.kind === 'APP_ROUTE' || value.kind === 'PAGES')) {
    const header = value.headers?.[NEXT_CACHE_TAGS_HEADER];
    if (typeof header === 'string') add(header.split(','));
    else add(header);
  }
  add(entry.tags);
  if (ctx && ctx.kind === 'FETCH') {
    add(ctx.tags);
    add(ctx.softTags);
  }
  return [...tags];
}

/** @implements {NextCacheHandler} */
class RedisCacheHandler {
  /** @type {HandlerOptions} */
  static options = {};

  /**
   * A subclass with some settings fixed (tests: another Redis, prefix, build id or connection).
   * @param {HandlerOptions} options
   * @returns {typeof RedisCacheHandler}
   */
  static configure(options) {
    return class extends this {
      static options = { ...super.options, ...options };
    };
  }

  /** Closes every connection this module opened (tests, so the process can exit). */
  static async closeAll() {
    const all = [...clients.values()];
    clients.clear();
    buildIds.clear();
    await Promise.all(
      all.map(async (shared) => {
        shared.closing = true;
        try {
          if (shared.client.status === 'ready') await shared.client.quit();
          else shared.client.disconnect();
        } catch {
          shared.client.disconnect();
        }
      }),
    );
  }

  static serialize = serialize;
  static deserialize = deserialize;
  static ttlSeconds = ttlSeconds;

  /** @param {CacheHandlerContext} ctx Next builds one handler per request: keep this cheap. */
  constructor(ctx) {
    const options = /** @type {typeof RedisCacheHandler} */ (this.constructor).options;
    const url = options.redisUrl ?? process.env.REDIS_URL;
    const base = `${options.prefix ?? process.env.REDIS_PREFIX ?? 'minerank:'}next:`;
    const buildId = options.buildId !== undefined ? options.buildId : readBuildId(ctx?.serverDistDir);
    /** @type {string} */
    this.keyPrefix = buildId ? `${base}${buildId}:` : base;
    /** @type {string} */
    this.tagsKey = `${base}tags`;
    /** Tags Next says were revalidated earlier in this request (minimal mode only). */
    this.revalidatedTags = ctx?.revalidatedTags ?? [];
    /** @type {SharedClient | null} */
    this.shared = url ? sharedClient(url, options.clientId ?? '', options.commandTimeoutMs ?? 500) : null;
  }

  /** The connection if it can take a command now; null while Redis is away. */
  ready() {
    const shared = this.shared;
    return shared && !shared.closing && shared.client.status === 'ready' ? shared : null;
  }

  /**
   * @param {string} key
   * @param {GetContext} ctx
   * @returns {Promise<CacheHandlerValue | null>}
   */
  async get(key, ctx) {
    const shared = this.ready();
    if (!shared) return null;
    let raw;
    try {
      raw = await shared.client.get(this.keyPrefix + key);
    } catch (error) {
      markDown(shared, errorMessage(error));
      return null;
    }
    markUp(shared);
    if (raw === null) return null;
    /** @type {StoredEntry} */
    let entry;
    try {
      entry = deserialize(raw);
    } catch {
      return null; // unreadable (another version's format): a miss, and the next set replaces it
    }
    if (!entry || typeof entry.lastModified !== 'number' || !entry.value) return null;
    const tags = entryTags(entry, ctx);
    if (tags.length > 0) {
      if (tags.some((tag) => this.revalidatedTags.includes(tag))) return null;
      let revalidatedAt;
      try {
        revalidatedAt = await shared.client.hmget(this.tagsKey, ...tags);
      } catch (error) {
        // Can't tell whether a tag was revalidated: a miss is the safe answer.
        markDown(shared, errorMessage(error));
        return null;
      }
      if (revalidatedAt.some((at) => at !== null && Number(at) >= entry.lastModified)) return null;
    }
    return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
  }

  /**
   * @param {string} key
   * @param {IncrementalCacheValue | null} data
   * @param {SetContext} ctx
   * @returns {Promise<void>}
   */
  async set(key, data, ctx) {
    const shared = this.ready();
    if (!shared) return;
    try {
      if (!data) {
        // "Nothing here" (a notFound route): drop any older entry, the next get renders again.
        await shared.client.del(this.keyPrefix + key);
      } else {
        const fetchCache = Boolean(ctx && 'fetchCache' in ctx && ctx.fetchCache);
        const cacheControl = !fetchCache && ctx && 'cacheControl' in ctx ? ctx.cacheControl : undefined;
        /** @type {string[]} */
        const tags = [];
        if (fetchCache && ctx && 'tags' in ctx && Array.isArray(ctx.tags)) tags.push(...ctx.tags);
        if (data.kind === 'FETCH' && Array.isArray(data.tags)) tags.push(...data.tags.filter((tag) => !tags.includes(tag)));
        /** @type {StoredEntry} */
        const entry = { lastModified: Date.now(), value: data, cacheControl, tags: tags.length > 0 ? tags : undefined };
        await shared.client.set(this.keyPrefix + key, serialize(entry), 'EX', ttlSeconds(data, cacheControl));
      }
      markUp(shared);
    } catch (error) {
      markDown(shared, errorMessage(error));
    }
  }

  /**
   * Marks the tags revalidated now on every instance: entries carrying one of them that were set
   * before are misses from then on. A revalidation profile (`revalidateTag(tag, 'max')`, meant as
   * stale-while-revalidate) is treated like an immediate expiry: fresher, never staler.
   * Next also passes `durations` ({ expire } seconds of that profile), unused here.
   * @param {string | string[]} tags
   * @returns {Promise<void>}
   */
  async revalidateTag(tags) {
    const list = (typeof tags === 'string' ? [tags] : tags).filter((tag) => typeof tag === 'string' && tag);
    if (list.length === 0) return;
    const shared = this.ready();
    if (!shared) return;
    const now = String(Date.now());
    try {
      await shared.client.hset(this.tagsKey, Object.fromEntries(list.map((tag) => [tag, now])));
      markUp(shared);
    } catch (error) {
      markDown(shared, errorMessage(error));
    }
  }

  /** No per-request memory is held, so nothing to reset. */
  resetRequestCache() {}
}

/** @param {unknown} error */
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

module.exports = RedisCacheHandler;
