// Runs once when the server starts, before it serves a request (Next's instrumentation hook).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Fail fast: a bad setting or registry file stops the process here, named, instead of 500s later.
  const { checkStartupOrExit } = await import('./lib/server/startup');
  checkStartupOrExit();
  // Every request's socket peer, for the client address (lib/infra/client-address.ts), and the
  // per-client page budget; both before Next sees a request.
  const { parseEnv } = await import('./lib/infra/env');
  const { startPeerCapture } = await import('./lib/infra/peer-capture');
  const env = parseEnv(process.env);
  startPeerCapture({ pagesPerMinute: env.PAGE_RATE_LIMIT_PER_MINUTE, trust: env.TRUST_PROXY });
}
