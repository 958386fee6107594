// Times as the pages show them, in UTC. Kept apart from components/data-banner.tsx, whose imports
// (lib/model with its zod schemas) must not reach the browser's ranking bundle.
const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** "16 Mar 2024, 00:00 UTC"; 'never' for null, 'unknown time' for an unparsable string. */
export function formatUtc(iso: string | null): string {
  if (!iso) return 'never';
  const time = Date.parse(iso);
  return Number.isFinite(time) ? `${dateFormat.format(time)} UTC` : 'unknown time';
}
