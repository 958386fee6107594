// One paced, guarded GET for the per-miner adapters: the SSRF guard and timeout of the chain
// request, the per-host pace, and the body as text so an empty answer (MiningCore's 204 for an
// unknown miner, YIIMP's empty page) can be told from malformed JSON.
import { getText } from '@/lib/sources/chain/request';
import { UpstreamError } from '@/lib/sources/http';
import { paceHost } from './pace';
import type { AccountFetchOptions } from './types';

/** The parsed JSON, or null for an empty body or a JSON null. */
export async function getAccountJson(url: string, opts: AccountFetchOptions, source: string): Promise<unknown> {
  await paceHost(new URL(url).host);
  const text = await getText(url, { timeoutMs: opts.timeoutMs, allowPrivate: opts.allowPrivate, source });
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UpstreamError(`${source}: malformed JSON`, 'malformed');
  }
}

/** An explorer link only when it is http(s): a pool's text is never trusted as a URL. */
export function safeLink(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value.length > 500) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** ISO → epoch ms, or null. */
export function msOrNull(iso: string | null | undefined): number | null {
  if (typeof iso !== 'string') return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}
