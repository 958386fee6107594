// A stand-in for the server process that tests/integration/kill-persistence.test.ts kills with SIGKILL:
// the real SnapshotService, history store and recorder wired as lib/server/services.ts wires them (that
// module is server-only), refreshing almost back to back so a kill can land anywhere in a write.
// Configured by the app's own environment variables (SOURCES, *_URL, SNAPSHOT_FILE, HISTORY_FILE,
// DATABASE_URL). Reports on stdout, one line each, prefixed with EVENT_PREFIX:
//   served     what the first get() returned, before any refresh of this process completed
//   refresh    a refresh started (n)
//   refreshed  a refresh finished and its snapshot was persisted (n, asOf)
// Run directly: SOURCES=whattomine,coingecko WHATTOMINE_URL=… npx tsx tests/support/kill-child.ts
import path from 'node:path';
import { embeddedSnapshot } from '@/lib/snapshot/embedded';
import { parseEnv } from '@/lib/infra/env';
import { createHistoryRecorder } from '../../lib/history/recorder';
import { createHistoryStore } from '../../lib/history/store';
import { SnapshotService } from '@/lib/snapshot/service';
import { buildFetchers } from '@/lib/server/fetchers';

export const EVENT_PREFIX = 'KILL-CHILD ';
const PAUSE_MS = 30;

function report(event: string, fields: Record<string, unknown> = {}): void {
  // process.stdout to a pipe is synchronous on Linux: a line reported is a line the test reads.
  process.stdout.write(`${EVENT_PREFIX}${JSON.stringify({ event, ...fields })}\n`);
}

async function main(): Promise<void> {
  const env = parseEnv();
  const fetchers = buildFetchers(env);
  const history = createHistoryStore({ databaseUrl: env.DATABASE_URL ?? null, sqliteFile: env.HISTORY_FILE });
  const recorder = createHistoryRecorder(history);
  const service = new SnapshotService({
    fetchers,
    refreshSeconds: env.REFRESH_SECONDS,
    snapshotFile: env.SNAPSHOT_FILE,
    embedded: embeddedSnapshot,
    history: { reader: history },
  });
  service.onPublished((snapshot) => recorder.enqueue(snapshot));

  // Reported synchronously after get() resolves: the background refresh it may start cannot have
  // finished yet, so with a snapshot on disk this is the one restored from it.
  const served = await service.get();
  report('served', { asOf: served.asOf, mode: served.mode, coins: served.coins.length });

  for (let n = 1; ; n++) {
    report('refresh', { n });
    const snapshot = await service.refresh({ force: true }); // back to back, whatever the period says
    report('refreshed', { n, asOf: snapshot.asOf, mode: snapshot.mode, coins: snapshot.coins.length });
    // A breath between refreshes, as the app's refresh period gives: without it the recorder's write
    // waits behind the next refresh's history reads, and a kill would rarely find one recorded.
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
}

// Run only as a script: the test imports EVENT_PREFIX from here.
const entry = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (/[\\/]tests[\\/]support[\\/]kill-child\.[cm]?[jt]s$/.test(entry)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  });
}
