import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Resolve metadata before streaming for every client, so an unknown coin's notFound() can
  // still set a real 404 status (streamed metadata would have sent 200 already).
  htmlLimitedBots: /.*/,
};

export default nextConfig;
