// nuqs's parsers for the dashboard's params, made from the same codecs (./search-params.ts), for the
// pages whose URL writes go through the App Router with nuqs's hook (the coin page). The ranking
// on `/` reads and writes its URL with the codecs alone, so nuqs stays out of that page's bundle.
import { createParser, type SingleParserBuilder } from 'nuqs';
import { dashboardCodecs, type DashboardCodecs, type ParamCodec } from './search-params';

type Parsers = { [K in keyof DashboardCodecs]: SingleParserBuilder<DashboardCodecs[K] extends ParamCodec<infer T> ? T : never> };

export const dashboardParsers = Object.fromEntries(
  Object.entries(dashboardCodecs).map(([key, codec]) => [key, createParser(codec as ParamCodec<unknown> as never)]),
) as unknown as Parsers;
