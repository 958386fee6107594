// An Iquidus explorer's plain-text API (GET /api/getdifficulty, /api/getnetworkhashps,
// /api/getblockcount), which relays the coin daemon's answers; Insight-style explorers expose the
// same routes. Each figure stands alone: a failing route leaves its figure null, all failing is
// an error. A body must be a plain number (an HTML error page is not one).
import { z } from 'zod';

import { AddressRefusedError } from '@/lib/infra/net-guard';
import { SchemaError, UpstreamError } from '../http';
import { chainStats } from './figures';
import { getText } from './request';
import type { ChainFetchOptions, ChainSource, ChainStats } from './types';

type IquidusSource = Extract<ChainSource, { kind: 'iquidus' }>;

const SOURCE = 'iquidus';

const PLAIN_NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** PoS hybrids' getdifficulty: {"proof-of-work": n, "proof-of-stake": m, …}. */
const hybridDifficultySchema = z.object({ 'proof-of-work': z.union([z.number(), z.string()]) });

function plainNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!PLAIN_NUMBER_RE.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Reads one API answer: a plain number ("1234.5"), a JSON string holding one ("\"1234.5\""), or
 * for getdifficulty a PoS hybrid's object, whose "proof-of-work" is taken. Throws SchemaError.
 */
export function parseIquidusNumber(text: string, route: string): number {
  const trimmed = text.trim();
  const direct = plainNumber(trimmed);
  if (direct !== undefined) return direct;
  if (trimmed.startsWith('"') || trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed === 'string') {
      const inner = plainNumber(parsed);
      if (inner !== undefined) return inner;
    }
    const hybrid = hybridDifficultySchema.safeParse(parsed);
    if (hybrid.success) {
      const pow = hybrid.data['proof-of-work'];
      const value = typeof pow === 'number' ? pow : plainNumber(pow);
      if (value !== undefined && Number.isFinite(value)) return value;
    }
  }
  throw new SchemaError(`${SOURCE}: ${route} is not a number: ${JSON.stringify(trimmed.slice(0, 40))}`);
}

export const IQUIDUS_ROUTES = {
  difficulty: '/api/getdifficulty',
  networkHashrate: '/api/getnetworkhashps',
  height: '/api/getblockcount',
} as const;

type Figure = keyof typeof IQUIDUS_ROUTES;

export async function fetchIquidus(source: IquidusSource, opts: ChainFetchOptions): Promise<ChainStats> {
  const figures = Object.keys(IQUIDUS_ROUTES) as Figure[];
  const results = await Promise.allSettled(
    figures.map(async (figure) => {
      const route = IQUIDUS_ROUTES[figure];
      const text = await getText(`${source.url}${route}`, { timeoutMs: opts.timeoutMs, allowPrivate: opts.allowPrivate, source: SOURCE });
      return parseIquidusNumber(text, route);
    }),
  );
  const values: Partial<Record<Figure, number>> = {};
  const failures: string[] = [];
  results.forEach((result, index) => {
    const figure = figures[index]!;
    if (result.status === 'fulfilled') {
      values[figure] = result.value;
      return;
    }
    if (result.reason instanceof AddressRefusedError) throw result.reason;
    const message = result.reason instanceof Error ? result.reason.message : String(result.reason);
    failures.push(message.replace(`${SOURCE}: `, ''));
  });
  if (failures.length === figures.length) {
    const first = results[0]?.status === 'rejected' ? results[0].reason : undefined;
    const kind = first instanceof UpstreamError ? first.kind : 'malformed';
    throw new UpstreamError(`${SOURCE}: no figure could be read (${failures.join('; ')})`, kind);
  }
  return chainStats({
    height: values.height ?? null,
    difficulty: values.difficulty ?? null,
    networkHashrate: values.networkHashrate ?? null,
    blockReward: null,
    blockTimeSeconds: null,
    updatedAt: null,
  });
}
