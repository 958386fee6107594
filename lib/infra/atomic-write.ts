// The one atomic file write (snapshot, added coins, coin health): a temporary file beside the target,
// fsynced, renamed over it, and the folder fsynced, so a crash or kill -9 leaves the old file or
// the new one, never half of either. Temporary names are `<file>.<pid>.<epoch ms>.tmp`, so a restart
// can tell leftovers of a dead process (or of its own earlier life) from a write in progress.
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** `<file>.<pid>.<ms>.tmp`: the pattern removeStaleTemps recognises. */
export const TEMP_NAME_RE = /^(\d+)\.(\d+)\.tmp$/;

let lastStamp = 0;

export async function writeFileAtomic(file: string, text: string, mode = 0o644): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  // Real clock in the name, made unique within this process (two writes in one millisecond).
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  const tmp = `${file}.${process.pid}.${lastStamp}.tmp`;
  try {
    const handle = await open(tmp, 'w', mode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync(); // on disk before the rename, so a power cut never leaves the name on unwritten blocks
    } finally {
      await handle.close();
    }
    await rename(tmp, file); // atomic on one filesystem: readers see the old or the new file, never half
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  }
  // Make the rename itself durable; some platforms cannot open a directory, which is fine.
  const dirHandle = await open(dir, 'r').catch(() => null);
  if (dirHandle) await dirHandle.sync().catch(() => undefined).finally(() => dirHandle.close());
}
