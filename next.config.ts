import type { NextConfig } from 'next';

// Next's bootstrap and recharts use inline scripts and styles, hence 'unsafe-inline' there;
// everything else is same-origin only, and nothing may frame the app.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'production' ? '' : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// HSTS only where the app is served over https (SITE_URL at build time, when these headers are
// fixed): a plain-http install on a LAN must not tell browsers to insist on TLS.
const hsts = /^https:/i.test(process.env.SITE_URL ?? '')
  ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000' }]
  : [];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  turbopack: {
    // Browser bundles only; the server keeps the packages as they are.
    resolveAlias: {
      // SWR's React 17 fallback; React 19 has the hook (components/shims/use-sync-external-store.ts).
      'use-sync-external-store/shim': { browser: './components/shims/use-sync-external-store.ts' },
    },
  },
  reactStrictMode: true,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: csp },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
          // No other origin's window keeps a handle on ours; no other origin embeds our responses.
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
          ...hsts,
        ],
      },
    ];
  },
};

export default nextConfig;
