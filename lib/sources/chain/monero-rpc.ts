// A Monero-family daemon over JSON-RPC 2.0 (POST /json_rpc): get_info for difficulty, target
// block time and height, get_last_block_header for the tip's reward. monerod itself defines the
// network hashrate as difficulty / target, and so do we.
import { z } from 'zod';

import { SchemaError, UpstreamError } from '../http';
import { isoFromUnixSeconds, parseOrThrow } from '../parse';
import { chainStats, fromAtomic } from './figures';
import { postJson } from './request';
import type { ChainFetchOptions, ChainSource, ChainStats } from './types';

type MoneroSource = Extract<ChainSource, { kind: 'monero-rpc' }>;

const SOURCE = 'monero-rpc';

export const moneroInfoSchema = z.object({
  status: z.string(),
  /** Length of the chain: the tip's height is one less. */
  height: z.number(),
  /** The low 64 bits of the difficulty; `difficulty_top64` holds the rest once it overflows. */
  difficulty: z.number(),
  difficulty_top64: z.number().optional(),
  /** The full difficulty as a hex string ("0x3c46d95dde"). */
  wide_difficulty: z.string().regex(/^0x[0-9a-fA-F]+$/).optional(),
  /** Target seconds per block. */
  target: z.number(),
  /** The daemon's network-adjusted clock when it answered (Unix seconds). */
  adjusted_time: z.number().optional(),
  start_time: z.number().optional(),
});

export const moneroLastBlockHeaderSchema = z.object({
  status: z.string(),
  block_header: z.object({
    height: z.number(),
    /** Atomic units (piconero, 1e-12 XMR): subsidy plus the block's fees. */
    reward: z.number(),
    timestamp: z.number(),
  }),
});

const rpcEnvelopeSchema = z.object({
  result: z.unknown().optional(),
  error: z.object({ code: z.number(), message: z.string() }).optional(),
});

/** Difficulty past 2^64 would lose its high part in `difficulty`: read the wide form then. */
export function moneroDifficulty(info: z.output<typeof moneroInfoSchema>): number {
  const top64 = info.difficulty_top64 ?? 0;
  if (top64 === 0) return info.difficulty;
  if (info.wide_difficulty !== undefined) return Number(BigInt(info.wide_difficulty));
  return top64 * 2 ** 64 + info.difficulty;
}

async function rpcCall<S extends z.ZodType<{ status: string }>>(source: MoneroSource, opts: ChainFetchOptions, method: string, schema: S): Promise<z.output<S>> {
  const raw = await postJson(
    `${source.url}/json_rpc`,
    { jsonrpc: '2.0', id: '0', method },
    { timeoutMs: opts.timeoutMs, allowPrivate: opts.allowPrivate, source: SOURCE },
  );
  const envelope = parseOrThrow(rpcEnvelopeSchema, raw, `${SOURCE} ${method}`);
  if (envelope.error) {
    throw new UpstreamError(`${SOURCE}: ${method} failed: ${envelope.error.message.slice(0, 200)} (code ${envelope.error.code})`, 'http');
  }
  const result = parseOrThrow(schema, envelope.result, `${SOURCE} ${method}`);
  // "BUSY" while syncing, "Failed" etc.: the figures are not the network's.
  if (result.status !== 'OK') throw new UpstreamError(`${SOURCE}: ${method} status ${result.status.slice(0, 40)}`, 'http');
  return result;
}

export function normalizeMonero(
  info: z.output<typeof moneroInfoSchema>,
  header: z.output<typeof moneroLastBlockHeaderSchema> | null,
  decimals: number,
): ChainStats {
  const difficulty = moneroDifficulty(info);
  return chainStats({
    height: info.height - 1,
    difficulty,
    networkHashrate: info.target > 0 ? difficulty / info.target : null,
    blockReward: fromAtomic(header?.block_header.reward, decimals),
    blockTimeSeconds: info.target,
    updatedAt: isoFromUnixSeconds(info.adjusted_time ?? header?.block_header.timestamp),
  });
}

export async function fetchMoneroRpc(source: MoneroSource, opts: ChainFetchOptions): Promise<ChainStats> {
  const [info, header] = await Promise.allSettled([
    rpcCall(source, opts, 'get_info', moneroInfoSchema),
    rpcCall(source, opts, 'get_last_block_header', moneroLastBlockHeaderSchema),
  ]);
  if (info.status === 'rejected') throw info.reason;
  if (header.status === 'rejected' && !(header.reason instanceof UpstreamError || header.reason instanceof SchemaError)) {
    throw header.reason;
  }
  // Without the header only the reward is unknown.
  return normalizeMonero(info.value, header.status === 'fulfilled' ? header.value : null, source.decimals);
}
