import path from 'node:path';
import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_SERVER } from 'next/constants';

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

const nextConfig: NextConfig = {
  poweredByHeader: false,
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
        ],
      },
    ];
  },
};

// With REDIS_URL at `next start`, Next's own server cache (prerendered/ISR pages, route-handler and
// fetch cache, tag revalidation) lives in Redis, shared by every instance (lib/next-cache-handler.cjs),
// and no copy is kept in each process's memory. Not at build or in dev: those keep the file cache.
// __dirname exists when Next transpiles this file to CommonJS (Node 20); cwd is the project otherwise.
const projectDir = typeof __dirname === 'string' ? __dirname : process.cwd();

export default function config(phase: string): NextConfig {
  if (phase !== PHASE_PRODUCTION_SERVER || !process.env.REDIS_URL) return nextConfig;
  return {
    ...nextConfig,
    cacheHandler: path.join(projectDir, 'lib', 'next-cache-handler.cjs'),
    cacheMaxMemorySize: 0,
  };
}
