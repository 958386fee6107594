// Runs once when the server starts, before it serves a request (Next's instrumentation hook).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Every request's socket peer, for the client address (lib/infra/client-address.ts).
  const { startPeerCapture } = await import('./lib/infra/peer-capture');
  startPeerCapture();
  // Fail fast: a bad setting or registry file stops the process here, named, instead of 500s later.
  const { checkStartupOrExit } = await import('./lib/server/startup');
  checkStartupOrExit();
}
