// The stamp of the snapshot this process serves, on globalThis so the proxy's copy of `/`
// (bundled apart from the pages) can tell it was rendered from an older one.
const SERVED_STAMP = Symbol.for('minerank.servedSnapshotStamp');
type StampHolder = { [SERVED_STAMP]?: number };

export function setServedStamp(stamp: number): void {
  (globalThis as StampHolder)[SERVED_STAMP] = stamp;
}

/** The stamp of the snapshot this process serves now (undefined before the first). */
export function servedStamp(): number | undefined {
  return (globalThis as StampHolder)[SERVED_STAMP];
}
