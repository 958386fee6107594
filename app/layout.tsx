import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'minerank — small-coin mining profitability', template: '%s · minerank' },
  description:
    'Rank lesser-known proof-of-work coins by what your rig would earn, with every figure’s unit, source and age.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/" className="brand">
            <span>
              <span className="brand-mark">◆</span> minerank
            </span>
            <span className="brand-tagline">what your rig earns on small coins</span>
          </Link>
          <nav className="site-nav" aria-label="Main">
            <Link href="/">Ranking</Link>
            <Link href="/contract">Contract check</Link>
            <Link href="/payouts">Did it pay?</Link>
            <Link href="/alerts">Alerts</Link>
            <Link href="/coins/add">Add a coin</Link>
            <a href="/api/coins">API</a>
          </nav>
        </header>
        <main>{children}</main>
        <footer className="site-footer">
          Estimates are expectations, not promises: small coins change difficulty and price fast. Every figure shows
          its unit, source and age. Formulas: coins/day = H × 86400 × R / (D × k) × (1 − fee).
        </footer>
      </body>
    </html>
  );
}
