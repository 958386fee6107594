// "An outage is one line, not one per attempt": the one helper behind every dependency that can go
// away (the history database, Redis). The first failure logs `<name>_unavailable` (warn, with the
// error); later failures are only counted; the first success after it logs `<name>_rejoined`
// (info, with how long it was down and how many failures it saw).
import { log } from './log';

export type OutageLog = {
  /** Reports a failure; true when it starts an outage (the one that was logged). */
  failed(error: unknown, fields?: Record<string, unknown>): boolean;
  /** Reports a success; true when it ends an outage (logged as rejoined). */
  succeeded(fields?: Record<string, unknown>): boolean;
  readonly down: boolean;
};

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createOutageLog(name: string, fields: Record<string, unknown> = {}, now: () => number = Date.now): OutageLog {
  let outage: { since: number; failures: number } | null = null;
  return {
    failed(error, extra = {}) {
      if (outage) {
        outage.failures++;
        return false;
      }
      outage = { since: now(), failures: 1 };
      log('warn', `${name}_unavailable`, { ...fields, ...extra, error: errorMessage(error) });
      return true;
    },
    succeeded(extra = {}) {
      if (!outage) return false;
      const { since, failures } = outage;
      outage = null;
      log('info', `${name}_rejoined`, { ...fields, ...extra, downForMs: now() - since, failures });
      return true;
    },
    get down() {
      return outage !== null;
    },
  };
}
