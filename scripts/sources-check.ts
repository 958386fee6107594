// `npm run sources:check`: asks every configured upstream once (real hosts, the normal timeout),
// validates each answer with the same adapter and schema the app uses, and prints one row per
// source: reachable, shape ok, what it parsed, how old its data is, and the first problem. For an
// operator with internet access; offline it fails within one timeout and says why. Exit code 0
// when every source answered with the right shape, 1 otherwise, 2 on a bad configuration.
//
// With SOURCES unset (or set and empty) it checks the keyless sources (whattomine, coingecko, nicehash, chain), the
// ones an operator can switch on without an account.
import { ConfigError, KEYLESS_SOURCES, parseEnv, type Env } from '@/lib/infra/env';
import { loadRegistryFile, loadShippedRegistry } from '@/lib/registry/load';
import type { RegistryEntry } from '@/lib/registry/schema';
import { readUserCoins, readUserPoolSites } from '@/lib/registry/store';
import { buildFetchers } from '@/lib/server/fetchers';
import type { SourceFetcher, SourcePayload } from '@/lib/sources/contract';
import { SchemaError, UpstreamError } from '@/lib/sources/http';

const KEYLESS: Env['SOURCES'] = [...KEYLESS_SOURCES];

export type CheckRow = {
  source: string;
  reachable: 'yes' | 'no';
  shapeOk: 'yes' | 'no' | '-';
  parsed: string;
  dataAge: string;
  problem: string;
};

function ageText(ms: number): string {
  if (ms < 90_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 90 * 60_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 48 * 3_600_000) return `${Math.round(ms / 3_600_000)} h`;
  return `${Math.round(ms / 86_400_000)} d`;
}

/** What a payload holds, in words: "97 coins", "312 quotes", "41 rentals". */
function parsedText(payload: SourcePayload): string {
  const parts: string[] = [];
  if (payload.coins.length > 0) parts.push(`${payload.coins.length} coins`);
  if (payload.quotes.length > 0) parts.push(`${payload.quotes.length} prices`);
  if (payload.rentals.length > 0) parts.push(`${payload.rentals.length} rentals`);
  if (payload.btcUsd !== null && parts.length === 0) parts.push('BTC price');
  return parts.join(', ') || 'nothing';
}

/** Age of the newest dated figure in a payload, or "-" when the source dates none. */
function dataAgeText(payload: SourcePayload, now: number): string {
  const times = payload.coins.map((coin) => (coin.updatedAt ? Date.parse(coin.updatedAt) : NaN)).filter(Number.isFinite);
  return times.length > 0 ? ageText(Math.max(0, now - Math.max(...times))) : '-';
}

/** One row from one fetch: an answer, or the error it ended in. */
export function rowOf(fetcher: Pick<SourceFetcher, 'id'>, outcome: PromiseSettledResult<SourcePayload>, now: number): CheckRow {
  if (outcome.status === 'fulfilled') {
    return { source: fetcher.id, reachable: 'yes', shapeOk: 'yes', parsed: parsedText(outcome.value), dataAge: dataAgeText(outcome.value, now), problem: '' };
  }
  const error: unknown = outcome.reason;
  const message = error instanceof Error ? error.message : String(error);
  const unreachable = error instanceof UpstreamError ? error.kind === 'network' || error.kind === 'timeout' : /network|timed? ?out|ENOTFOUND|EAI_AGAIN|ECONNREFUSED/i.test(message);
  const badShape = error instanceof SchemaError || (error instanceof UpstreamError && error.kind === 'malformed');
  return {
    source: fetcher.id,
    reachable: unreachable ? 'no' : 'yes',
    shapeOk: unreachable ? '-' : badShape ? 'no' : '-',
    parsed: '-',
    dataAge: '-',
    problem: message,
  };
}

export function formatTable(rows: readonly CheckRow[]): string {
  const header: CheckRow = { source: 'source', reachable: 'yes', shapeOk: 'yes', parsed: 'parsed', dataAge: 'data age', problem: 'first problem' };
  const cells = (row: CheckRow, isHeader = false) => [
    row.source,
    isHeader ? 'reachable' : row.reachable,
    isHeader ? 'shape ok' : row.shapeOk,
    row.parsed,
    row.dataAge,
    row.problem,
  ];
  const all = [cells(header, true), ...rows.map((row) => cells(row))];
  const widths = all[0]!.map((_, i) => Math.max(...all.map((line) => line[i]!.length)));
  return all.map((line) => line.map((cell, i) => (i === line.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

function registryCoins(env: Env): RegistryEntry[] {
  const shipped = env.COIN_REGISTRY_FILE ? loadRegistryFile(env.COIN_REGISTRY_FILE, { optional: false }) : loadShippedRegistry();
  // Page-added coins are asked without credentials, as the app asks them.
  const user = readUserCoins(env.USER_COINS_FILE).map((entry) => {
    if (entry.source.kind !== 'bitcoin-rpc' || entry.source.authEnv === undefined) return entry;
    const { authEnv: _dropped, ...source } = entry.source;
    void _dropped;
    return { ...entry, source };
  });
  return [...shipped, ...user];
}

async function main(): Promise<number> {
  let env: Env;
  let coins: RegistryEntry[];
  try {
    env = parseEnv();
    coins = registryCoins(env);
  } catch (error) {
    console.error(`sources:check: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const configured = env.SOURCES.length > 0 ? env.SOURCES : KEYLESS;
  // The pool sites added on the page too, each asked once like any source.
  const fetchers = buildFetchers({ ...env, SOURCES: configured }, coins, readUserPoolSites(env.USER_COINS_FILE));
  console.log(
    `sources:check: ${fetchers.length} upstreams (${configured.join(', ')}${env.SOURCES.length === 0 ? ': SOURCES is empty, so the keyless ones' : ''}), ` +
      `timeout ${env.UPSTREAM_TIMEOUT_MS} ms each, asked once, in parallel`,
  );
  const started = Date.now();
  const outcomes = await Promise.allSettled(fetchers.map((fetcher) => fetcher.fetch()));
  const now = Date.now();
  const rows = fetchers.map((fetcher, i) => rowOf(fetcher, outcomes[i]!, now));
  console.log(formatTable(rows));
  const failed = rows.filter((row) => row.problem !== '');
  const unreachable = rows.filter((row) => row.reachable === 'no');
  console.log(`${rows.length - failed.length} of ${rows.length} answered with the right shape, in ${((now - started) / 1000).toFixed(1)} s`);
  if (rows.length > 0 && unreachable.length === rows.length) {
    console.log('No upstream could be reached: this machine has no route to them (offline, or DNS and outbound HTTPS blocked).');
  }
  return failed.length === 0 ? 0 : 1;
}

if (process.argv[1] && /sources-check\.ts$/.test(process.argv[1])) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`sources:check: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
