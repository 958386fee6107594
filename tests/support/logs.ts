// The app's structured log lines (lib/infra/log.ts: console.log for info, console.error for warn/error),
// captured and parsed for a test. Call vi.restoreAllMocks() after.
import { vi } from 'vitest';

export function captureLogs() {
  const lines: Array<Record<string, unknown>> = [];
  const push = (line: unknown) => lines.push(JSON.parse(String(line)) as Record<string, unknown>);
  vi.spyOn(console, 'error').mockImplementation(push);
  vi.spyOn(console, 'log').mockImplementation(push);
  return { lines, events: (name: string) => lines.filter((l) => l.event === name) };
}
