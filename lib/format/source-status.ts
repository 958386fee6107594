// The add page's status cell for a source it lists (a coin's own chain source, or a pool site):
// one wording for both lists. Visitors see errors with private addresses hidden; the operator sees them whole.
import { redactAddresses } from '@/lib/infra/redact';
import type { SourceStatus } from '@/lib/model/types';
import { formatUtc } from './time';

export function sourceStatusText(
  status: Pick<SourceStatus, 'ok' | 'error' | 'fetchedAt'> | null,
  { enabled, operator }: { enabled: boolean; operator: boolean },
): string {
  if (!enabled) return 'off';
  if (!status) return 'not yet';
  if (status.ok) return `ok, ${formatUtc(status.fetchedAt)}`;
  const error = status.error ?? 'unknown error';
  const kept = status.fetchedAt ? ` (kept data of ${formatUtc(status.fetchedAt)})` : '';
  return `failed: ${operator ? error : redactAddresses(error)}${kept}`;
}
