// A Blockbook explorer's status page (GET /api): height and difficulty from its backend node, the
// tip's time from the indexer. It states no hashrate or reward; the caller derives the hashrate
// from the difficulty with the algorithm's k.
import { z } from 'zod';

import { parseOrThrow, upstreamNumber } from '../parse';
import { chainStats } from './figures';
import { getJson } from './request';
import type { ChainFetchOptions, ChainSource, ChainStats } from './types';

type BlockbookSource = Extract<ChainSource, { kind: 'blockbook' }>;

const SOURCE = 'blockbook';

export const blockbookStatusSchema = z.object({
  blockbook: z.object({
    bestHeight: z.number().optional(),
    /** RFC 3339 with nanoseconds: "2019-05-22T18:03:33.547762973+02:00". */
    lastBlockTime: z.string().optional(),
    inSync: z.boolean().optional(),
  }),
  backend: z.object({
    blocks: z.number().optional(),
    /** A decimal string: "6704632680587.417". */
    difficulty: upstreamNumber.optional(),
  }),
});

/** The status page is /api; a URL that already ends in /api is taken as it is. */
export function blockbookStatusUrl(url: string): string {
  return /\/api$/.test(url) ? url : `${url}/api`;
}

export function normalizeBlockbook(raw: unknown): ChainStats {
  const status = parseOrThrow(blockbookStatusSchema, raw, SOURCE);
  return chainStats({
    height: status.backend.blocks ?? status.blockbook.bestHeight ?? null,
    difficulty: status.backend.difficulty ?? null,
    networkHashrate: null,
    blockReward: null,
    blockTimeSeconds: null,
    updatedAt: status.blockbook.lastBlockTime ?? null,
  });
}

export async function fetchBlockbook(source: BlockbookSource, opts: ChainFetchOptions): Promise<ChainStats> {
  const raw = await getJson(blockbookStatusUrl(source.url), { timeoutMs: opts.timeoutMs, allowPrivate: opts.allowPrivate, source: SOURCE });
  return normalizeBlockbook(raw);
}
