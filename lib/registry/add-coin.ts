// The add-coin form: its fields as strings in, a registry entry (or an error per field) out, and
// the message a failed live check of the source turns into. Pure apart from the error classes;
// the page's server action does the I/O.
import { AddressRefusedError } from '@/lib/infra/net-guard';
import { registryEntrySchema, type RegistryEntry } from './schema';
import { SchemaError, UpstreamError } from '@/lib/sources/http';
import { parseNumericString } from '@/lib/sources/parse';
import { ChainConfigError } from '@/lib/sources/chain/request';
import { CHAIN_KINDS, CHAIN_KIND_LABELS, type ChainKind, type ChainSource } from '@/lib/sources/chain/types';
import { ADD_COIN_FIELDS, type AddCoinField, type AddCoinValues, type FieldErrors } from './add-coin-state';

export { ADD_COIN_FIELDS, INITIAL_ADD_COIN_STATE } from './add-coin-state';
export type { AddCoinField, AddCoinState, AddCoinValues, FieldErrors } from './add-coin-state';

/** Longest value kept from any field: the form never echoes back a 100 KB paste. */
const MAX_FIELD_LENGTH = 500;

export function valuesFromForm(form: { get(name: string): unknown }): AddCoinValues {
  const values: AddCoinValues = {};
  for (const field of ADD_COIN_FIELDS) {
    const raw = form.get(field);
    if (typeof raw === 'string') values[field] = raw.slice(0, MAX_FIELD_LENGTH);
  }
  return values;
}

/** Where each registry path is typed in on the form. */
function fieldOf(path: readonly PropertyKey[]): AddCoinField {
  const [head, next] = path;
  switch (head) {
    case 'tag':
    case 'name':
    case 'algorithm':
      return head;
    case 'blockTimeSeconds':
      return 'blockTime';
    case 'source':
      return next === 'symbol' ? 'symbol' : next === 'authEnv' ? 'authEnv' : next === 'kind' ? 'kind' : 'url';
    case 'price':
      return 'coingeckoId';
    case 'emission':
      return 'reward';
    case 'sources':
      return next === 0 ? 'url' : 'factsUrl';
    default:
      return 'tag';
  }
}

const isKind = (value: string): value is ChainKind => (CHAIN_KINDS as readonly string[]).includes(value);

/** The entry the form describes, or what is wrong with it, field by field. */
export function entryFromValues(
  values: AddCoinValues,
): { success: true; entry: RegistryEntry } | { success: false; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  const text = (field: AddCoinField) => (values[field] ?? '').trim();

  // Blank required fields say so, rather than whatever the schema makes of an empty string.
  if (text('algorithm') === '') fieldErrors.algorithm = 'is required: choose the coin’s mining algorithm';
  if (text('url') === '') fieldErrors.url = 'is required: the node’s, explorer’s or pool’s address';

  const kind = text('kind');
  if (!isKind(kind)) fieldErrors.kind = `must be one of: ${CHAIN_KINDS.join(', ')}`;

  let blockTimeSeconds: number | undefined;
  if (text('blockTime') === '') fieldErrors.blockTime = 'is required: the coin’s target seconds per block';
  else {
    blockTimeSeconds = parseNumericString(text('blockTime'));
    if (blockTimeSeconds === undefined) fieldErrors.blockTime = 'must be a number of seconds, e.g. 120';
  }

  let reward: number | undefined;
  if (text('reward') !== '') {
    reward = parseNumericString(text('reward'));
    if (reward === undefined) fieldErrors.reward = 'must be a number of coins per block, e.g. 3.125';
  }

  const url = text('url').replace(/\/+$/, '');
  const source: Record<string, unknown> = { kind, url };
  if (kind === 'yiimp') source.symbol = text('symbol') || text('tag').toUpperCase();
  if (kind === 'bitcoin-rpc' && text('authEnv') !== '') source.authEnv = text('authEnv');

  const citations = [{ fact: `network figures from the coin’s own ${isKind(kind) ? CHAIN_KIND_LABELS[kind] : 'source'}`, url }];
  if (text('factsUrl') !== '') citations.push({ fact: 'block time, algorithm and reward', url: text('factsUrl') });

  const candidate = {
    tag: text('tag'),
    name: text('name'),
    algorithm: text('algorithm'),
    blockTimeSeconds: blockTimeSeconds ?? 0,
    source,
    price: text('coingeckoId') === '' ? null : { coingeckoId: text('coingeckoId') },
    ...(reward !== undefined ? { emission: { schedule: [{ fromHeight: 0, reward }] } } : {}),
    sources: citations,
  };
  const parsed = registryEntrySchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      // Our own message for a field we already judged wins; otherwise the first issue per field.
      fieldErrors[field] ??= issue.message;
    }
  }
  if (Object.keys(fieldErrors).length > 0 || !parsed.success) return { success: false, fieldErrors };
  return { success: true, entry: parsed.data };
}

/** A failed live check as the form shows it: on the field to fix, in plain words. */
export function checkFailure(error: unknown): { field: AddCoinField; message: string } {
  if (error instanceof AddressRefusedError) return { field: 'url', message: error.message };
  if (error instanceof ChainConfigError) {
    return { field: /auth|credential|environment/i.test(error.message) ? 'authEnv' : 'url', message: error.message };
  }
  if (error instanceof UpstreamError || error instanceof SchemaError) {
    return { field: 'url', message: `could not read the source: ${error.message}` };
  }
  return { field: 'url', message: `could not reach the source: ${error instanceof Error ? error.message : String(error)}` };
}

/** The one answer to any credentials typed on the form, whatever the variable or the host. */
export const CREDENTIALS_REFUSED =
  'credentials are only sent to nodes in the operator’s registry file; a coin added here is asked without them';

/**
 * A coin added on the page never gets credentials: a `*_RPC_AUTH` secret goes only to a source
 * the operator listed in the registry file. Any credentials variable on the form is refused with
 * one message, before any lookup, so the form tells nothing about which variables exist or where
 * a host points.
 */
export async function credentialsFailure(source: ChainSource): Promise<{ field: AddCoinField; message: string } | null> {
  if (source.kind !== 'bitcoin-rpc' || source.authEnv === undefined) return null;
  return { field: 'authEnv', message: CREDENTIALS_REFUSED };
}
