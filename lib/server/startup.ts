// Checked once at start (instrumentation.ts register()), before the server answers anything: the
// configuration and the registry files. A bad value stops the process, naming the variable or the
// file and line, rather than serving 500s. (No 'server-only' here: instrumentation imports it.)
import { ConfigError, parseEnv } from '@/lib/infra/env';
import { loadRegistryFile, loadShippedRegistry, RegistryError } from '@/lib/registry/load';
import { readUserCoins } from '@/lib/registry/store';

/** Throws ConfigError or RegistryError describing the first problem; returns nothing when all is well. */
export function checkStartup(env: Record<string, string | undefined> = process.env): void {
  const parsed = parseEnv(env);
  if (parsed.COIN_REGISTRY_FILE) loadRegistryFile(parsed.COIN_REGISTRY_FILE, { optional: false });
  else loadShippedRegistry();
  readUserCoins(parsed.USER_COINS_FILE);
}

/** The one line an operator reads when start-up is refused (no stack: the message names the cause). */
export function startupFailure(error: unknown): string {
  if (error instanceof ConfigError || error instanceof RegistryError) return `minerank: refusing to start: ${error.message}`;
  return `minerank: refusing to start: ${error instanceof Error ? error.message : String(error)}`;
}

/** checkStartup(), or the one line on stderr and exit code 1. */
export function checkStartupOrExit(): void {
  try {
    checkStartup();
  } catch (error) {
    console.error(startupFailure(error));
    process.exit(1);
  }
}
