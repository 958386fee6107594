// The data banner on the embedded snapshot says why it is not live: SOURCES set empty, the live
// sources still being asked (the first page never waits), or none of them answering.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { DataBanner } from '@/components/data-banner';
import type { Snapshot } from '@/lib/model/types';

const embeddedSource = {
  id: 'embedded' as const,
  name: 'hashrate.no /v1/coins',
  url: 'https://api.hashrate.no/v1/coins',
  ok: true,
  fetchedAt: '2024-03-16T00:00:00.000Z',
  error: null,
  stale: false,
  coins: 97,
};
const snapshot = (sources: Snapshot['sources']): Snapshot => ({
  asOf: '2024-03-16T00:00:00.000Z',
  mode: 'embedded',
  stale: true,
  btcUsd: null,
  eurPerUsd: null,
  rentals: [],
  coins: [],
  sources: [embeddedSource, ...sources],
});
const whattomine = { id: 'whattomine-gpu' as const, name: 'WhatToMine GPU coins', url: 'https://whattomine.com/coins.json', ok: false, fetchedAt: null, stale: false, coins: 0 };
const text = (s: Snapshot) =>
  renderToStaticMarkup(createElement(DataBanner, { snapshot: s, now: Date.parse('2026-12-03T00:00:00Z') })).replace(/<[^>]+>/g, '').replace(/&#x27;|&apos;/g, "'");

describe('DataBanner on the embedded snapshot', () => {
  it('says SOURCES is set empty when no live source is asked', () => {
    expect(text(snapshot([]))).toContain('SOURCES is set empty, so no live source is asked');
  });

  it('says the live sources are being asked while the first refresh runs', () => {
    expect(text(snapshot([{ ...whattomine, error: null }]))).toContain('the live sources are being asked');
  });

  it('says none has answered, and lists what failed, when every live source failed', () => {
    const banner = text(snapshot([{ ...whattomine, error: 'cannot resolve whattomine.com' }]));
    expect(banner).toContain('no live source has answered yet; each is asked again every refresh.');
    expect(banner).toContain('WhatToMine GPU coins could not be reached: cannot resolve whattomine.com');
    expect(banner).toContain('Offline snapshot — not live data.');
  });
});
