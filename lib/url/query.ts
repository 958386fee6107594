// A write to the dashboard's query: some params set or removed, the rest kept.
import { renderQuery } from './query-string';
import { dashboardCodecs, type ParamValues } from './search-params';

export type { ParamValues };

/**
 * `search` with each of `values` set (serialized by its param's codec) or removed (null); params
 * not named are kept as they are, unknown ones (utm_source…) included.
 */
export function withParams(search: string, values: ParamValues): string {
  const params = new URLSearchParams(search);
  const codecs = dashboardCodecs as unknown as Record<string, { serialize: (value: never) => string } | undefined>;
  for (const [key, value] of Object.entries(values)) {
    const codec = codecs[key];
    if (!codec || value === undefined) continue;
    if (value === null) params.delete(key);
    else params.set(key, codec.serialize(value as never));
  }
  return renderQuery(params);
}
