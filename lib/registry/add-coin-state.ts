// The add-coin form's fields and state, shared by the server action and the client form; no
// imports, so nothing server-side (node:dns, zod) reaches the browser through it.

export const ADD_COIN_FIELDS = [
  'tag',
  'name',
  'algorithm',
  'blockTime',
  'kind',
  'url',
  'symbol',
  'authEnv',
  'coingeckoId',
  'reward',
  'factsUrl',
] as const;
export type AddCoinField = (typeof ADD_COIN_FIELDS)[number];
export type AddCoinValues = Partial<Record<AddCoinField, string>>;
export type FieldErrors = Partial<Record<AddCoinField, string>>;

export type AddCoinState = {
  status: 'idle' | 'checked' | 'invalid' | 'saved';
  /** The live check's one line ("reached the source: difficulty … at height …") or the overall error. */
  message: string | null;
  fieldErrors: FieldErrors;
  values: AddCoinValues;
};

export const INITIAL_ADD_COIN_STATE: AddCoinState = { status: 'idle', message: null, fieldErrors: {}, values: {} };

