// The app's one snapshot service, shared by every page and route handler in this process
// (kept on globalThis because Next bundles pages and routes separately).
import 'server-only';
import { parseEnv } from './env';
import { embeddedSnapshot } from './embedded';
import { SnapshotService } from './snapshot-service';
import { buildFetchers } from './sources';
import type { Coin, Snapshot } from './types';

const KEY = Symbol.for('minerank.snapshot-service');
type Holder = { [KEY]?: SnapshotService };

function service(): SnapshotService {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const env = parseEnv();
    holder[KEY] = new SnapshotService({
      fetchers: buildFetchers(env),
      refreshSeconds: env.REFRESH_SECONDS,
      snapshotFile: env.SNAPSHOT_FILE,
      embedded: embeddedSnapshot,
    });
  }
  return holder[KEY];
}

export function getSnapshot(): Promise<Snapshot> {
  return service().get();
}

/** The snapshot and the time it was served at, from which pages show the data's age. */
export async function getSnapshotView(): Promise<{ snapshot: Snapshot; servedAt: number }> {
  const snapshot = await getSnapshot();
  return { snapshot, servedAt: Date.now() };
}

export async function getCoin(tag: string): Promise<{ snapshot: Snapshot; servedAt: number; coin: Coin | undefined }> {
  const view = await getSnapshotView();
  const wanted = tag.toUpperCase();
  return { ...view, coin: view.snapshot.coins.find((c) => c.tag.toUpperCase() === wanted) };
}
