import { describe, expect, it } from 'vitest';

import { addressRuleFor, base58CheckDecode, bech32Decode, validateAddress } from '@/lib/payouts/address';

// Vectors: BIP-173 and BIP-350 (valid/invalid Bech32 and Bech32m strings), the Bitcoin genesis
// coinbase address, the Bitcoin wiki's P2SH example, and the Monero general-fund address.
const GENESIS = '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa';
const P2SH = '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy';
const SEGWIT = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4';
const MONERO = '44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A';

describe('bech32Decode (BIP-173 / BIP-350 vectors)', () => {
  it.each(['A12UEL5L', 'a12uel5l', 'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw', SEGWIT])('%s is Bech32', (s) => {
    expect(bech32Decode(s)?.variant).toBe('bech32');
  });
  it.each(['A1LQFN3A', 'a1lqfn3a'])('%s is Bech32m', (s) => {
    expect(bech32Decode(s)?.variant).toBe('bech32m');
  });
  it.each([
    'A1G7SGD8', // checksum calculated with uppercase HRP
    'a12UEL5L', // mixed case
    '1qzzfhee', // empty HRP
    'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', // last character changed
  ])('%s is refused', (s) => {
    expect(bech32Decode(s)).toBeNull();
  });
});

describe('base58CheckDecode', () => {
  it('reads the genesis address: version 0x00 + 20-byte hash', () => {
    const payload = base58CheckDecode(GENESIS);
    expect(payload?.length).toBe(21);
    expect(payload?.[0]).toBe(0);
  });
  it('refuses a changed character (the checksum no longer holds)', () => {
    expect(base58CheckDecode(`${GENESIS.slice(0, -1)}b`)).toBeNull();
  });
});

describe('validateAddress per coin family', () => {
  it.each([
    ['BTC', GENESIS, 'base58check'],
    ['BTC', P2SH, 'base58check'],
    ['BTC', SEGWIT, 'bech32'],
    ['XMR', MONERO, 'cryptonote'],
    ['ETC', '0x52908400098527886E0F7030069857D2E4169EE7', 'hex'],
  ] as const)('%s %s → %s', (tag, address, family) => {
    expect(validateAddress(address, tag)).toEqual({ ok: true, family });
  });

  it.each([
    ['BTC', '', 'empty'],
    ['BTC', `${GENESIS.slice(0, -1)}b`, 'checksum'],
    ['BTC', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN0', 'characters'], // "0" is not Base58
    ['BTC', 'ltc1qg42tkwuuxefutzxezdkdel39gfstuap288mfea', 'prefix'], // a Litecoin HRP
    ['LTC', GENESIS, 'prefix'], // a Bitcoin version byte
    ['XMR', MONERO.slice(0, 94), 'length'],
    ['XMR', `9${MONERO.slice(1)}`, 'prefix'],
    ['ETC', '0x52908400098527886E0F7030069857D2E4169EE', 'length'],
    ['BTC', '../../admin', 'characters'],
    ['BTC', 'x'.repeat(200), 'too-long'],
  ] as const)('%s %j → %s', (tag, address, error) => {
    expect(validateAddress(address, tag)).toEqual({ ok: false, error });
  });

  it('chooses the family by algorithm for coins without their own rule', () => {
    expect(addressRuleFor('ZZZ', 'RandomX').families).toEqual(['cryptonote']);
    expect(addressRuleFor('ZZZ', 'Etchash').families).toEqual(['hex']);
    expect(addressRuleFor('ZZZ', 'KawPow').families).toEqual(['base58check', 'bech32']);
    // An unknown Bitcoin-derived coin takes any version byte.
    expect(validateAddress(GENESIS, 'ZZZ', 'Scrypt')).toEqual({ ok: true, family: 'base58check' });
  });
});

describe('the error reported is that of the family the string looks like', () => {
  it('a mistyped Bech32 address is a checksum error, not a Base58 character error', () => {
    expect(validateAddress('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', 'BTC')).toEqual({ ok: false, error: 'checksum' });
  });
});
