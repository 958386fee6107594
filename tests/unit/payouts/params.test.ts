import { describe, expect, it } from 'vitest';

import { parsePayoutParams, payoutQuery } from '@/lib/payouts/params';

const PAID = 'DNQnHwQxrNs4y74oGkoTZfVzJniu6Y9Hek';
const coins = (tag: string) => ({ DOGE: 'scrypt', XMR: 'randomx' })[tag];
const parse = (query: string) => parsePayoutParams(new URLSearchParams(query), coins);

describe('parsePayoutParams', () => {
  it('reads a MiningCore query with defaults: 7 days, no fee given', () => {
    const { state, errors } = parse(`pool=https://pool.example/&poolId=doge1&coin=doge&address=${PAID}`);
    expect(errors).toEqual([]);
    expect(state).toEqual({ pool: 'https://pool.example', software: 'miningcore', poolId: 'doge1', coin: 'DOGE', address: PAID, days: 7, feePercent: null });
    expect(payoutQuery(state!)).toBe(`pool=https%3A%2F%2Fpool.example&poolId=doge1&coin=DOGE&address=${PAID}`);
  });

  it.each([
    ['pool=ftp://x&poolId=a&coin=DOGE&address=' + PAID, 'pool'],
    ['pool=https://u:p@x.example&poolId=a&coin=DOGE&address=' + PAID, 'pool'],
    ['pool=https://x.example?a=1&poolId=a&coin=DOGE&address=' + PAID, 'pool'],
    ['pool=https://x.example&coin=DOGE&address=' + PAID, 'poolId'],
    ['pool=https://x.example&poolId=a/../b&coin=DOGE&address=' + PAID, 'poolId'],
    ['pool=https://x.example&poolId=a&coin=ZZZZ&address=' + PAID, 'coin'],
    ['pool=https://x.example&poolId=a&coin=DOGE&address=' + PAID + '&days=0', 'days'],
    ['pool=https://x.example&poolId=a&coin=DOGE&address=' + PAID + '&days=31', 'days'],
    ['pool=https://x.example&poolId=a&coin=DOGE&address=' + PAID + '&fee=-1', 'fee'],
    ['pool=https://x.example&poolId=a&coin=DOGE&address=' + PAID + '&software=p2pool', 'software'],
  ])('%s → 400 naming %s', (query, param) => {
    const { state, errors } = parse(query);
    expect(state).toBeNull();
    expect(errors.map((e) => e.param)).toEqual([param]);
  });

  it.each([
    [PAID.slice(0, -1) + 'x', 'checksum', /checksum/],
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'prefix', /prefix/], // a Bitcoin address for DOGE
    ['', 'empty', /missing/],
    ['<script>', 'characters', /characters/],
  ])('address %j → refused per field (%s)', (address, code, message) => {
    const { errors } = parse(`pool=https://x.example&poolId=a&coin=DOGE&address=${encodeURIComponent(address)}`);
    expect(errors).toEqual([{ param: 'address', code, message: expect.stringMatching(message) as string }]);
  });

  it('checks an XMR address as CryptoNote', () => {
    const { errors } = parse(`pool=https://x.example&software=cryptonote-pool&coin=XMR&address=${PAID}`);
    expect(errors).toEqual([{ param: 'address', code: 'length', message: expect.stringMatching(/length/) as string }]);
  });

  it('lists every bad param at once', () => {
    expect(parse('pool=x&coin=&days=abc').errors.map((e) => e.param)).toEqual(['pool', 'poolId', 'coin', 'address', 'days']);
  });
});
