// The rows of `npm run sources:check` from each kind of outcome.
import { describe, expect, it } from 'vitest';
import { formatTable, rowOf } from '@/scripts/sources-check';
import { emptyPayload } from '@/lib/sources/contract';
import { SchemaError, UpstreamError } from '@/lib/sources/http';
import { networkStats } from '../../support/factories';

const now = Date.parse('2026-12-03T12:00:00Z');

describe('sources:check rows', () => {
  it('an answer: reachable, shape ok, what it parsed and the age of its newest figure', () => {
    const payload = {
      ...emptyPayload(),
      coins: [networkStats('RVN', { updatedAt: '2026-12-03T11:55:00Z' }), networkStats('XMR', { updatedAt: '2026-12-03T11:40:00Z' })],
    };
    // Newest figure 11:55, checked at 12:00: 5 min.
    expect(rowOf({ id: 'whattomine-gpu' }, { status: 'fulfilled', value: payload }, now)).toEqual({
      source: 'whattomine-gpu', reachable: 'yes', shapeOk: 'yes', parsed: '2 coins', dataAge: '5 min', problem: '',
    });
  });

  it('a wrong shape, an HTTP error and no route each say so', () => {
    const shape = rowOf({ id: 'nicehash' }, { status: 'rejected', reason: new SchemaError('nicehash: miningAlgorithms: expected array') }, now);
    expect([shape.reachable, shape.shapeOk, shape.problem]).toEqual(['yes', 'no', 'nicehash: miningAlgorithms: expected array']);
    const http = rowOf({ id: 'coingecko' }, { status: 'rejected', reason: new UpstreamError('coingecko: HTTP 429', 'http', { status: 429 }) }, now);
    expect([http.reachable, http.shapeOk]).toEqual(['yes', '-']);
    const offline = rowOf({ id: 'coingecko' }, { status: 'rejected', reason: new UpstreamError('coingecko: network error (getaddrinfo EAI_AGAIN api.coingecko.com)', 'network') }, now);
    expect([offline.reachable, offline.shapeOk]).toEqual(['no', '-']);
  });

  it('prints aligned columns with a header', () => {
    const table = formatTable([rowOf({ id: 'coingecko' }, { status: 'rejected', reason: new UpstreamError('coingecko: timed out after 8000 ms', 'timeout') }, now)]);
    expect(table.split('\n')).toEqual([
      'source     reachable  shape ok  parsed  data age  first problem',
      'coingecko  no         -         -       -         coingecko: timed out after 8000 ms',
    ]);
  });
});
