// A write to the dashboard's query: some params set or removed, the rest kept.
import type { inferParserType } from 'nuqs';
import { renderQuery } from './query-string';
import { dashboardParsers } from './search-params';

/** Values for some of the dashboard's params, as their parsers give them; null removes a param. */
export type ParamValues = { [K in keyof typeof dashboardParsers]?: inferParserType<(typeof dashboardParsers)[K]> | null };

/**
 * `search` with each of `values` set (serialized by its param's parser) or removed (null); params
 * not named are kept as they are, unknown ones (utm_source…) included.
 */
export function withParams(search: string, values: ParamValues): string {
  const params = new URLSearchParams(search);
  const parsers = dashboardParsers as unknown as Record<string, { serialize: (value: never) => string } | undefined>;
  for (const [key, value] of Object.entries(values)) {
    const parser = parsers[key];
    if (!parser || value === undefined) continue;
    if (value === null) params.delete(key);
    else params.set(key, parser.serialize(value as never));
  }
  return renderQuery(params);
}
