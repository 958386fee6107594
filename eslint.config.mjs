import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The house rules on imports, made mechanical (see README "Layout"): imports go downward only.
const REACT_AND_NEXT = [
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'lib/ is plain TypeScript: no React.' },
  { group: ['next', 'next/*'], message: 'lib/ does not import Next.js (only lib/server does).' },
  { group: ['@/components/*', '@/app/*'], message: 'lib/ never imports components or routes.' },
];
const SERVER_ONLY = [
  { group: ['@/lib/server/*'], message: 'Components get data as props from the page; they never import lib/server.' },
  { group: ['@/lib/sources/*'], message: 'Only lib/sources knows upstream shapes; components never import it.' },
  { group: ['@/lib/history/store'], message: 'Components never reach the history store.' },
];
const PURE = [
  {
    group: ['@/lib/*', '!@/lib/model', '!@/lib/model/*', '!@/lib/mining', '!@/lib/mining/*', '!@/lib/format', '!@/lib/format/*'],
    message: 'lib/mining and lib/risk are pure: they import only model, mining and format.',
  },
  { group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'dns'], message: 'lib/mining and lib/risk do no I/O.' },
  { group: ['../*'], message: 'Imports from another folder use @/lib/…, so the rule above sees them.' },
];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', '.data/**'] },
  {
    files: ['lib/**/*.{ts,tsx}'],
    ignores: ['lib/server/**', 'lib/url/**', 'lib/mining/**', 'lib/risk/**', 'lib/electricity/**', 'lib/health/**', 'lib/pools/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: REACT_AND_NEXT }] },
  },
  {
    // The URL module may use nuqs's parsers (nuqs/server is framework-free), nothing else of React or Next.
    files: ['lib/url/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: REACT_AND_NEXT }] },
  },
  {
    // lib/electricity (tariffs, hourly prices) runs in the browser too: pure like mining.
    // lib/health (coin health parts, weights, risk-adjusted profit) likewise: numbers in, numbers out.
    // lib/pools (per-pool figures and warnings for a rig) too.
    files: ['lib/mining/**/*.{ts,tsx}', 'lib/risk/**/*.{ts,tsx}', 'lib/electricity/**/*.{ts,tsx}', 'lib/health/**/*.{ts,tsx}', 'lib/pools/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...REACT_AND_NEXT, ...PURE] }] },
  },
  {
    // lib/payouts (reconciliation, luck band, address checks, ledger) is pure too; its address checks
    // hash with node:crypto (CPU only), the one node: import allowed here.
    files: ['lib/payouts/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...REACT_AND_NEXT,
            {
              group: ['@/lib/*', '!@/lib/model', '!@/lib/model/*', '!@/lib/mining', '!@/lib/mining/*', '!@/lib/format', '!@/lib/format/*', '!@/lib/payouts', '!@/lib/payouts/*'],
              message: 'lib/payouts is pure: it imports only model, mining, format and itself.',
            },
            { group: ['node:*', '!node:crypto', 'fs', 'path', 'http', 'https', 'net', 'dns'], message: 'lib/payouts does no I/O.' },
            { group: ['../*'], message: 'Imports from another folder use @/lib/…, so the rule above sees them.' },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: SERVER_ONLY }] },
  },
];

export default config;
