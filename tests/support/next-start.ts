// `next start` for the bench and the scale-out tests: one way to start it on 127.0.0.1 (its own
// process group, output piped) and one way to stop it (TERM to the whole group, KILL after the
// grace period), so neither leaves a server behind.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** Starts `next start` on 127.0.0.1:port from `cwd` (the repository root) with exactly `env`. */
export function spawnNextStart(port: number, env: NodeJS.ProcessEnv, cwd = process.cwd()): ChildProcess {
  return spawn(process.execPath, [path.join(cwd, 'node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd,
    env,
    detached: true, // its own process group, so a stop reaches anything it forks
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Whether any process of the group led by `pid` is still there. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops a server started by spawnNextStart: TERM to its group, KILL after `graceMs`; resolves once the group is gone. */
export async function stopGroup(child: ChildProcess | null, graceMs = 5000): Promise<void> {
  if (!child?.pid) return;
  const pid = child.pid;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (groupAlive(pid)) signal('SIGKILL');
  for (let i = 0; i < 50 && groupAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
}
