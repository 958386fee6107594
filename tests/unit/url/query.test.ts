import { describe, expect, it } from 'vitest';
import { escapeQueryValue, renderQuery } from '@/lib/url/query-string';
import { withParams } from '@/lib/url/query';
import { parseDashboardParams, serializeDashboardState } from '@/lib/url/search-params';

describe('renderQuery: the query as links spell it', () => {
  it('keeps a rig readable and escapes only what would break the query', () => {
    const params = new URLSearchParams();
    params.set('dev', 'nvidia-rtx-3070:2,amd-ryzen-9-7950x');
    params.set('q', 'a b&c=d#e+f%');
    expect(renderQuery(params)).toBe('?dev=nvidia-rtx-3070:2,amd-ryzen-9-7950x&q=a+b%26c=d%23e%2Bf%25');
    expect(renderQuery(new URLSearchParams())).toBe('');
  });

  it('reads back to the same values', () => {
    const params = new URLSearchParams({ tou: '0-7:0.08,7-23:0.24', tz: 'Europe/Berlin', q: '"<x>" \u0001' });
    expect([...new URLSearchParams(renderQuery(params))]).toEqual([...params]);
    expect(escapeQueryValue('\u001f')).toBe('%1F');
  });

  it('spells a state as the server’s serializer does', () => {
    const query = '?dev=nvidia-rtx-3070:3,amd-ryzen-9-7950x&kwh=0.21&per=week&tou=0-7:0.08,7-23:0.24';
    const server = serializeDashboardState(parseDashboardParams(new URLSearchParams(query)).state);
    expect(renderQuery(new URLSearchParams(server))).toBe(server);
  });
});

describe('withParams: a write to the address bar', () => {
  it('sets and removes the named params, keeps the others where they were', () => {
    // kwh 0.21 is set in place, fee removed, per added at the end, utm_source (unknown) kept.
    expect(withParams('?dev=nvidia-rtx-3070:2&kwh=0.12&fee=2&utm_source=x', { kwh: 0.21, fee: null, per: 'week' })).toBe(
      '?dev=nvidia-rtx-3070:2&kwh=0.21&utm_source=x&per=week',
    );
  });

  it('serializes with the param’s own parser (a hashrate in its short form)', () => {
    expect(withParams('', { 'hr.kawpow': 95e6 } as never)).toBe('?hr.kawpow=95M');
    expect(withParams('?q=a', { q: null })).toBe('');
  });
});
