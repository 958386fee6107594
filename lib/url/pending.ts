// The browser's view of the URL state between a write and the address bar catching up: nuqs holds
// each written value at once but writes the address bar at most every 50 ms. Overlaying those
// values on the address bar's query gives the query the page is about to have, which the same
// reader as the server's (parseDashboardParams) turns into state and per-param errors.

/** What is needed of a nuqs single-value parser. */
export type PendingParser = {
  parse: (text: string) => unknown;
  serialize: (value: never) => string;
  eq?: (a: never, b: never) => boolean;
};

/**
 * `raw` with each key whose value differs from what it parses to replaced by that value (null:
 * removed). Keys that agree are left exactly as in the address bar, invalid or repeated values
 * included, so the reader reports the same errors the server did.
 */
export function withPendingValues(
  raw: URLSearchParams,
  values: Readonly<Record<string, unknown>>,
  parsers: Readonly<Record<string, PendingParser>>,
): URLSearchParams {
  let merged: URLSearchParams | null = null;
  for (const key of Object.keys(parsers)) {
    const parser = parsers[key];
    if (!parser) continue;
    const value = values[key] ?? null;
    const text = raw.get(key);
    const current = text === null ? null : (parser.parse(text) ?? null);
    const same =
      value === null || current === null ? value === current : parser.eq ? parser.eq(value as never, current as never) : value === current;
    // An invalid value in the address bar parses to null: it stays until something is written there.
    if (same) continue;
    merged ??= new URLSearchParams(raw);
    if (value === null) merged.delete(key);
    else merged.set(key, parser.serialize(value as never));
  }
  return merged ?? raw;
}
