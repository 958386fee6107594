// Inline styles shared by the charts, built on the theme's CSS variables (app/globals.css).
import type { CSSProperties } from 'react';

export const TICK = { fill: 'var(--muted)', fontSize: 12 } as const;

export const AXIS_LABEL = { fill: 'var(--muted)', fontSize: 12 } as const;

export const TOOLTIP_STYLE: CSSProperties = {
  background: 'var(--panel-2)',
  border: '1px solid var(--border)',
  borderRadius: 8,
  padding: '0.45rem 0.6rem',
  color: 'var(--text)',
  fontSize: 13,
  lineHeight: 1.4,
  maxWidth: 260,
};

export const LEGEND_STYLE: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: '0.3rem 0.9rem',
  listStyle: 'none',
  margin: '0.4rem 0 0',
  padding: 0,
  fontSize: 12,
  color: 'var(--muted)',
};

export const LEGEND_ITEM_STYLE: CSSProperties = { display: 'inline-flex', alignItems: 'center', gap: '0.35rem' };

export const SWATCH_STYLE: CSSProperties = { display: 'inline-block', width: 12, height: 12, borderRadius: 3 };

/** A short dashed vertical stroke: the key for a reference line. */
export const MARKER_STYLE: CSSProperties = { display: 'inline-block', width: 0, height: 12, borderLeft: '2px dashed' };
