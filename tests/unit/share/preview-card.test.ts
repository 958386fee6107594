import { describe, expect, it } from 'vitest';
import { embeddedSnapshot } from '@/lib/snapshot/embedded';
import { previewCard } from '@/lib/share/preview-card';
import { parseDashboardParams } from '@/lib/url/search-params';

const state = (query: string) => parseDashboardParams(new URLSearchParams(query)).state;

describe('previewCard', () => {
  it('shows the compared coins, in order, for the URL’s own rig', () => {
    const card = previewCard(embeddedSnapshot(), state('coins=ERG,RVN&dev=nvidia-rtx-3070:2'), { page: 'compare', tag: null });
    expect(card.title).toBe('Compare ERG · RVN');
    expect(card.rows.map((r) => r.tag)).toEqual(['ERG', 'RVN']);
    expect(card.rigLine).toMatch(/^2 × .*RTX 3070.* · \$0\.1\/kWh$/);
    expect(card.dataLine).toBe('offline snapshot of 2024-03-16');
  });

  it('keeps to the Latin-1 glyphs the image font has (no font fetched from the internet)', () => {
    // A tiny rig with a high power price: every profit is negative, written with a minus sign.
    const card = previewCard(embeddedSnapshot(), state('hr.kawpow=1M&w.kawpow=500&kwh=1'), { page: 'home', tag: null });
    expect(card.rows.length).toBeGreaterThan(0);
    for (const text of [card.title, card.rigLine, card.dataLine, ...card.rows.flatMap((r) => [r.tag, r.algorithm, r.value])]) {
      expect(text).toMatch(/^[\u0000-\u00ff]*$/);
    }
    expect(card.rows[0]!.value.startsWith('-$')).toBe(true);
  });
});
