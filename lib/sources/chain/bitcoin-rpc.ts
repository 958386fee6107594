// A Bitcoin-family node over JSON-RPC 1.0 (bitcoind and its forks): getmininginfo for height,
// difficulty and network hashrate, getblockchaininfo for the tip's time, getblocktemplate for the
// next block's reward. Credentials come from the environment variable the source names.
import { z } from 'zod';

import { SchemaError, UpstreamError } from '../http';
import { isoFromUnixSeconds, parseOrThrow, upstreamNumber } from '../parse';
import { chainStats, fromAtomic } from './figures';
import { ChainConfigError, postJson } from './request';
import type { ChainFetchOptions, ChainSource, ChainStats } from './types';

type BitcoinSource = Extract<ChainSource, { kind: 'bitcoin-rpc' }>;

const SOURCE = 'bitcoin-rpc';

/** A number, or for PoS hybrids (Peercoin lineage) `{"proof-of-work": n, "proof-of-stake": m}`. */
export const powDifficultySchema = z.union([
  upstreamNumber,
  z.object({ 'proof-of-work': upstreamNumber }).transform((value) => value['proof-of-work']),
]);

export const bitcoinMiningInfoSchema = z.object({
  blocks: z.number(),
  difficulty: powDifficultySchema,
  /** H/s, estimated by the node over the last 120 blocks. Some forks leave it out. */
  networkhashps: upstreamNumber.optional(),
});

export const bitcoinBlockchainInfoSchema = z.object({
  blocks: z.number(),
  difficulty: powDifficultySchema.optional(),
  /** Unix seconds of the tip (Bitcoin Core 23+). */
  time: z.number().optional(),
  /** Median of the last 11 blocks' times: about an hour behind the tip. */
  mediantime: z.number().optional(),
});

/**
 * The payees a Dash-family template makes the coinbase pay, by field: Dash's `masternode` (an
 * object in old releases, an array since) and `superblock`, Raptoreum's `smartnode` and `founder`.
 * Each entry is `{payee, script, amount}` with `amount` in atomic units; a `<field>_payments_started`
 * (Dash: `superblocks_started`) of false means the payment is not yet required.
 * Dash Core docs: https://github.com/dashpay/docs/blob/db9cca9ac0e6e15166bb49fadb30e415cba2d84d/docs/core/api/remote-procedure-calls-mining.md
 */
export const TEMPLATE_PAYEE_FIELDS = [
  { field: 'masternode', started: 'masternode_payments_started' },
  { field: 'smartnode', started: 'smartnode_payments_started' },
  { field: 'superblock', started: 'superblocks_started' },
  { field: 'founder', started: 'founder_payments_started' },
] as const;

export const bitcoinBlockTemplateSchema = z.looseObject({
  /** Satoshis (atomic units) the coinbase pays in all: subsidy plus fees, including what it must pay the payees below. */
  coinbasevalue: z.number(),
  height: z.number().optional(),
});

const payeeAmountSchema = z.object({ amount: z.number().nonnegative() });

/**
 * Atomic units the template's coinbase must pay to others: 0 when it has payee fields that pay
 * nobody now, null when a listed payee has no usable amount, undefined when it has no payee field
 * at all (a plain Bitcoin template, or a coin whose payee field we do not know: the cited split
 * then applies, not "all to the miner").
 */
export function templatePayeesAtomic(template: Record<string, unknown>): number | null | undefined {
  let total = 0;
  let known = false;
  for (const { field, started } of TEMPLATE_PAYEE_FIELDS) {
    const value = template[field];
    if (value === undefined || value === null) continue;
    known = true;
    if (template[started] === false) continue;
    const entries = Array.isArray(value) ? value : [value];
    for (const entry of entries) {
      const parsed = payeeAmountSchema.safeParse(entry);
      if (!parsed.success) return null;
      total += parsed.data.amount;
    }
  }
  return known ? total : undefined;
}

const rpcEnvelopeSchema = z.object({
  result: z.unknown(),
  error: z.object({ code: z.number(), message: z.string() }).nullable().optional(),
});

/** The node answered with a JSON-RPC `error` object. */
export class RpcError extends UpstreamError {
  override name = 'RpcError';
  readonly code: number;

  constructor(message: string, code: number, status?: number) {
    super(message, 'http', status !== undefined ? { status } : {});
    this.code = code;
  }
}

/** `user:password` from the variable `authEnv` names; undefined when the source needs none. */
export function bitcoinRpcAuth(source: BitcoinSource, env: ChainFetchOptions['env']): string | undefined {
  if (source.authEnv === undefined) return undefined;
  const value = env[source.authEnv];
  if (value === undefined || value === '') {
    throw new ChainConfigError(
      `${SOURCE}: environment variable ${source.authEnv} is not set; it must hold the node's RPC user:password`,
    );
  }
  if (!value.includes(':')) {
    throw new ChainConfigError(`${SOURCE}: environment variable ${source.authEnv} must have the form user:password`);
  }
  return value;
}

function authHint(source: BitcoinSource): string {
  return source.authEnv === undefined
    ? 'the node wants RPC credentials: set authEnv to an environment variable holding user:password'
    : `the node refused the RPC user:password in ${source.authEnv}`;
}

async function rpcCall<S extends z.ZodType>(
  source: BitcoinSource,
  opts: ChainFetchOptions,
  auth: string | undefined,
  method: string,
  params: unknown[],
  schema: S,
): Promise<z.output<S>> {
  let raw: unknown;
  try {
    // bitcoind answers RPC errors with HTTP 500 (404 for an unknown method) and a JSON-RPC body.
    raw = await postJson(
      source.url,
      { jsonrpc: '1.0', id: `minerank-${method}`, method, params },
      { timeoutMs: opts.timeoutMs, allowPrivate: opts.allowPrivate, source: SOURCE, acceptStatus: [404, 500], ...(auth !== undefined ? { auth } : {}) },
    );
  } catch (error) {
    if (error instanceof UpstreamError && error.status === 401) {
      throw new UpstreamError(`${SOURCE}: HTTP 401: ${authHint(source)}`, 'http', { status: 401 });
    }
    if (error instanceof UpstreamError && error.status === 403) {
      throw new UpstreamError(`${SOURCE}: HTTP 403: the node refused this client (check its rpcallowip)`, 'http', { status: 403 });
    }
    throw error;
  }
  const envelope = parseOrThrow(rpcEnvelopeSchema, raw, `${SOURCE} ${method}`);
  if (envelope.error) {
    throw new RpcError(`${SOURCE}: ${method} failed: ${envelope.error.message.slice(0, 200)} (code ${envelope.error.code})`, envelope.error.code);
  }
  return parseOrThrow(schema, envelope.result, `${SOURCE} ${method}`);
}

export type BitcoinRpcAnswers = {
  miningInfo: z.output<typeof bitcoinMiningInfoSchema>;
  blockchainInfo: z.output<typeof bitcoinBlockchainInfoSchema> | null;
  blockTemplate: z.output<typeof bitcoinBlockTemplateSchema> | null;
};

export function normalizeBitcoinRpc({ miningInfo, blockchainInfo, blockTemplate }: BitcoinRpcAnswers, decimals: number): ChainStats {
  const tipSeconds = blockchainInfo?.time ?? blockchainInfo?.mediantime;
  return chainStats({
    height: miningInfo.blocks,
    difficulty: miningInfo.difficulty ?? blockchainInfo?.difficulty ?? null,
    networkHashrate: miningInfo.networkhashps ?? null,
    // coinbasevalue includes the fees of the transactions the template picked, so it is a little
    // above the subsidy and moves with the mempool. It is the whole coinbase: the payees it lists
    // (masternodes, superblock, founders) are paid out of it, so they are passed on to subtract.
    blockReward: fromAtomic(blockTemplate?.coinbasevalue, decimals),
    blockTimeSeconds: null,
    updatedAt: isoFromUnixSeconds(tipSeconds),
    ...payeesOf(blockTemplate, decimals),
  });
}

function payeesOf(template: BitcoinRpcAnswers['blockTemplate'], decimals: number): { blockRewardToOthers?: number | null } {
  const atomic = template ? templatePayeesAtomic(template) : undefined;
  return atomic === undefined ? {} : { blockRewardToOthers: fromAtomic(atomic, decimals) };
}

export async function fetchBitcoinRpc(source: BitcoinSource, opts: ChainFetchOptions): Promise<ChainStats> {
  const auth = bitcoinRpcAuth(source, opts.env);
  const [miningInfo, blockchainInfo, blockTemplate] = await Promise.allSettled([
    rpcCall(source, opts, auth, 'getmininginfo', [], bitcoinMiningInfoSchema),
    rpcCall(source, opts, auth, 'getblockchaininfo', [], bitcoinBlockchainInfoSchema),
    rpcCall(source, opts, auth, 'getblocktemplate', [{ rules: ['segwit'] }], bitcoinBlockTemplateSchema),
  ]);
  if (miningInfo.status === 'rejected') throw miningInfo.reason;
  return normalizeBitcoinRpc(
    {
      miningInfo: miningInfo.value,
      // Old forks lack getblockchaininfo; only the tip time is lost.
      blockchainInfo: settledOrNull(blockchainInfo),
      // Nodes that are syncing, have no peers or disable mining RPCs refuse getblocktemplate:
      // the reward is then unknown, not an error.
      blockTemplate: settledOrNull(blockTemplate),
    },
    source.decimals,
  );
}

function settledOrNull<T>(result: PromiseSettledResult<T>): T | null {
  if (result.status === 'fulfilled') return result.value;
  // A wrong shape or a node error costs one figure; anything else (refused address) is the
  // same failure getmininginfo already reported.
  if (result.reason instanceof UpstreamError || result.reason instanceof SchemaError) return null;
  throw result.reason;
}
