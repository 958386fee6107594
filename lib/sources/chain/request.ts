// The one way chain adapters talk to a node, explorer or pool: node:http(s) with the SSRF guard
// (unless the operator allows private sources), one timeout over DNS + connect + body, a size cap,
// no redirects, no pooled sockets. Failures are UpstreamErrors whose messages never carry the
// URL's query or any credentials.
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';

import { AddressRefusedError, assertPublicHost, guardedLookup } from '@/lib/infra/net-guard';
import { parseRetryAfter, UpstreamError } from '../http';

/** Larger answers are refused: every status page we read is a few kB. */
export const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

/** A source's configuration is wrong (missing credentials variable, unknown coin key). */
export class ChainConfigError extends Error {
  override name = 'ChainConfigError';
}

export type ChainRequestOptions = {
  timeoutMs: number;
  /** Skip the SSRF guard (operator opt-in for nodes on the LAN or the same host). */
  allowPrivate: boolean;
  headers?: Record<string, string>;
  /** Prefix for error messages ("bitcoin-rpc: HTTP 500"). */
  source?: string;
  /** `user:password` sent as HTTP Basic auth. */
  auth?: string;
  maxBytes?: number;
};

export type PostJsonOptions = ChainRequestOptions & {
  /** Non-2xx statuses whose JSON body is returned, not thrown: bitcoind answers RPC errors with 500 or 404. */
  acceptStatus?: readonly number[];
};

type RawResponse = { status: number; headers: IncomingHttpHeaders; body: string };

function prefixOf(source: string | undefined): string {
  return source ? `${source}: ` : '';
}

function networkMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${code} ${message}` : message;
}

function send(method: 'GET' | 'POST', url: string, body: string | undefined, opts: ChainRequestOptions): Promise<RawResponse> {
  const prefix = prefixOf(opts.source);
  const maxBytes = opts.maxBytes ?? MAX_RESPONSE_BYTES;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.reject(new UpstreamError(`${prefix}not a valid URL`, 'network'));
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return Promise.reject(new UpstreamError(`${prefix}only http:// and https:// URLs are allowed`, 'network'));
  }
  const hostname = target.hostname.startsWith('[') ? target.hostname.slice(1, -1) : target.hostname;

  return new Promise<RawResponse>((resolve, reject) => {
    let settled = false;
    let request: http.ClientRequest | undefined;
    let response: IncomingMessage | undefined;

    const finish = (error: Error | null, value?: RawResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        response?.destroy();
        request?.destroy();
        reject(error);
      } else if (value) {
        resolve(value);
      }
    };
    const timer = setTimeout(() => finish(new UpstreamError(`${prefix}timed out after ${opts.timeoutMs} ms`, 'timeout')), opts.timeoutMs);

    const start = async () => {
      // Literals never reach `lookup`, so they are checked here; names are checked here and again
      // at connect time by guardedLookup.
      if (!opts.allowPrivate) {
        try {
          await assertPublicHost(hostname, false);
        } catch (error) {
          if (error instanceof AddressRefusedError) throw error;
          throw new UpstreamError(`${prefix}cannot resolve ${hostname} (${networkMessage(error)})`, 'network');
        }
      }
      if (settled) return;

      const headers: Record<string, string> = {
        accept: 'application/json, text/plain;q=0.9, */*;q=0.1',
        'accept-encoding': 'identity',
        ...opts.headers,
      };
      if (opts.auth !== undefined) headers.authorization = `Basic ${Buffer.from(opts.auth, 'utf8').toString('base64')}`;
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = String(Buffer.byteLength(body));
      }
      const transport = target.protocol === 'https:' ? https : http;
      request = transport.request({
        protocol: target.protocol,
        hostname,
        port: target.port || undefined,
        path: `${target.pathname}${target.search}`,
        method,
        headers,
        // A fresh agent per request: a pooled socket opened for an allowed source is never reused.
        agent: false,
        ...(opts.allowPrivate ? {} : { lookup: guardedLookup }),
      });
      request.on('error', (error) => {
        if (error instanceof AddressRefusedError) finish(error);
        else finish(new UpstreamError(`${prefix}network error (${networkMessage(error)})`, 'network'));
      });
      request.on('response', (res) => {
        response = res;
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          finish(new UpstreamError(`${prefix}HTTP ${status} (redirects are not followed)`, 'http', { status }));
          return;
        }
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes) {
          finish(new UpstreamError(`${prefix}response larger than ${maxBytes} bytes`, 'malformed'));
          return;
        }
        const chunks: Buffer[] = [];
        let received = 0;
        res.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > maxBytes) {
            finish(new UpstreamError(`${prefix}response larger than ${maxBytes} bytes`, 'malformed'));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => finish(null, { status, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error) => finish(new UpstreamError(`${prefix}network error (${networkMessage(error)})`, 'network')));
        res.on('close', () => {
          if (!res.complete) finish(new UpstreamError(`${prefix}network error (connection closed mid-body)`, 'network'));
        });
      });
      request.end(body);
    };
    start().catch((error: unknown) => finish(error instanceof Error ? error : new Error(String(error))));
  });
}

function httpError(response: RawResponse, prefix: string): UpstreamError {
  const retryAfter = response.headers['retry-after'];
  const retryAfterSeconds = parseRetryAfter(typeof retryAfter === 'string' ? retryAfter : null);
  return new UpstreamError(`${prefix}HTTP ${response.status}`, 'http', {
    status: response.status,
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  });
}

function isOk(status: number): boolean {
  return status >= 200 && status < 300;
}

function parseJson(text: string, prefix: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UpstreamError(`${prefix}malformed JSON`, 'malformed');
  }
}

/** POSTs `body` as JSON and returns the parsed JSON answer. */
export async function postJson(url: string, body: unknown, opts: PostJsonOptions): Promise<unknown> {
  const prefix = prefixOf(opts.source);
  const response = await send('POST', url, JSON.stringify(body), opts);
  if (isOk(response.status)) return parseJson(response.body, prefix);
  if (!opts.acceptStatus?.includes(response.status)) throw httpError(response, prefix);
  // An accepted error status without a JSON body (a proxy's HTML page) is still an HTTP error.
  try {
    return JSON.parse(response.body) as unknown;
  } catch {
    throw httpError(response, prefix);
  }
}

/** GETs `url` and returns the parsed JSON answer. */
export async function getJson(url: string, opts: ChainRequestOptions): Promise<unknown> {
  const prefix = prefixOf(opts.source);
  const response = await send('GET', url, undefined, opts);
  if (!isOk(response.status)) throw httpError(response, prefix);
  return parseJson(response.body, prefix);
}

/** GETs `url` and returns the body as text (for plain-text APIs such as Iquidus'). */
export async function getText(url: string, opts: ChainRequestOptions): Promise<string> {
  const prefix = prefixOf(opts.source);
  const response = await send('GET', url, undefined, opts);
  if (!isOk(response.status)) throw httpError(response, prefix);
  return response.body;
}

/** POSTs `body` as JSON for its effect (a webhook): resolves on any 2xx whatever the body, else throws. */
export async function postJsonForEffect(url: string, body: unknown, opts: ChainRequestOptions): Promise<number> {
  const response = await send('POST', url, JSON.stringify(body), opts);
  if (!isOk(response.status)) throw httpError(response, prefixOf(opts.source));
  return response.status;
}
